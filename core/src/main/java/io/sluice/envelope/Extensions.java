package io.sluice.envelope;

/**
 * Names of the extension attributes Sluice gives meaning to. All follow the CloudEvents naming rule
 * (lower-case ASCII letters and digits, at most 20 characters).
 */
public final class Extensions {
  /** Version of the event type's contract, e.g. {@code 1}. */
  public static final String EVENT_VERSION = "eventversion";

  /** Correlates the events of one business flow. */
  public static final String CORRELATION_ID = "correlationid";

  /** De-duplication key: a repeat publish with the same key is reported as a duplicate. */
  public static final String IDEMPOTENCY_KEY = "idempotencykey";

  /** W3C trace context (CloudEvents distributed-tracing extension). */
  public static final String TRACEPARENT = "traceparent";

  /** W3C trace state (CloudEvents distributed-tracing extension). */
  public static final String TRACESTATE = "tracestate";

  /** Kind of the authenticated principal (CloudEvents auth-context extension). */
  public static final String AUTH_TYPE = "authtype";

  /** Identifier of the authenticated principal (CloudEvents auth-context extension). */
  public static final String AUTH_ID = "authid";

  /** Key that orders events on brokers with per-key ordering (CloudEvents partitioning). */
  public static final String PARTITION_KEY = "partitionkey";

  private Extensions() {}
}
