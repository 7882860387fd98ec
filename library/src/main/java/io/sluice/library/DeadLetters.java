package io.sluice.library;

/**
 * Extension attributes added to an event published to a dead-letter subject. The rest of the event
 * (id, type, data, other extensions) is the original's.
 */
public final class DeadLetters {
  /** Why it was dead-lettered: {@code invalid}, {@code rejected} or {@code exhausted}. */
  public static final String REASON = "dlqreason";

  /** How many attempts were made. */
  public static final String ATTEMPTS = "dlqattempts";

  /** The last error's class name. */
  public static final String ERROR_TYPE = "dlqerrortype";

  /** The last error's message (no stack trace), cut to {@value #MAX_MESSAGE} characters. */
  public static final String ERROR_MESSAGE = "dlqerrormessage";

  /** The subject the event was originally delivered on. */
  public static final String ORIGINAL_SUBJECT = "dlqsubject";

  /** Reason: decoding or Bean Validation failed. */
  public static final String REASON_INVALID = "invalid";

  /** Reason: the handler threw a permanent failure ({@link NonRetryableException}). */
  public static final String REASON_REJECTED = "rejected";

  /** Reason: every attempt the retry policy allows failed. */
  public static final String REASON_EXHAUSTED = "exhausted";

  public static final int MAX_MESSAGE = 500;

  private DeadLetters() {}
}
