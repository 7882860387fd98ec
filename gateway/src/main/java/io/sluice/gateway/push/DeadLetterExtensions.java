package io.sluice.gateway.push;

/**
 * Extension attributes of a push dead letter, beside the original event's own. The first five are
 * those of the client library's dead letters, so {@code sluice dlq redrive} republishes push dead
 * letters too.
 */
public final class DeadLetterExtensions {
  /** Always {@code exhausted}: every allowed attempt failed. */
  public static final String REASON = "dlqreason";

  /** How many attempts were made. */
  public static final String ATTEMPTS = "dlqattempts";

  /** The last failure's kind: {@code 4xx}, {@code 5xx}, {@code timeout} or {@code error}. */
  public static final String ERROR_TYPE = "dlqerrortype";

  /** The last failure: {@code HTTP 503} or {@code timeout: …}. */
  public static final String ERROR_MESSAGE = "dlqerrormessage";

  /** The subject the event was delivered on. */
  public static final String ORIGINAL_SUBJECT = "dlqsubject";

  /** The last HTTP status the endpoint answered; absent when it answered nothing. */
  public static final String STATUS = "dlqstatus";

  /** The push subscription's name. */
  public static final String SUBSCRIPTION = "dlqpushsubscription";

  private DeadLetterExtensions() {}
}
