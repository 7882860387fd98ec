package io.sluice.library;

import io.sluice.broker.Broker;
import io.sluice.library.internal.Redriver;
import io.sluice.subject.Subject;
import java.util.List;

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

  /** Every extension a dead letter carries that its original did not. */
  public static final List<String> EXTENSIONS =
      List.of(REASON, ATTEMPTS, ERROR_TYPE, ERROR_MESSAGE, ORIGINAL_SUBJECT);

  /**
   * Reads {@code deadLetterSubject} from the start and republishes each event to its original
   * subject (or {@link RedriveOptions#target()}) without the dead-letter extensions, with an
   * idempotency key derived from the dead letter's ({@code redrive <key>}) so a repeat is
   * suppressed. A dead letter is acknowledged only once the republish is confirmed durable. Returns
   * when the subject has been quiet for {@link RedriveOptions#quietPeriod()} or {@link
   * RedriveOptions#max()} events were taken.
   */
  public static RedriveResult redrive(
      Broker broker, Subject deadLetterSubject, RedriveOptions options) {
    return new Redriver(broker, deadLetterSubject, options).run();
  }

  private DeadLetters() {}
}
