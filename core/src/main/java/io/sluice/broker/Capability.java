package io.sluice.broker;

/**
 * Something a broker may or may not offer. The gateway adapts to what is present; the compatibility
 * kit reports a test that needs an absent capability as skipped, naming it.
 */
public enum Capability {
  /** {@link AckMode#DURABLE} publishes are confirmed persisted and survive a broker restart. */
  DURABLE_PUBLISH,
  /** Subscriptions can start from the beginning, a sequence or a time. */
  REPLAY,
  /** Named consumer groups share the work: each event goes to one member of a group. */
  CONSUMER_GROUPS,
  /**
   * A group's position survives the subscription closing; a new member resumes after the last ack.
   */
  DURABLE_CONSUMERS,
  /** A nack can ask for redelivery after a delay. */
  DELAYED_REDELIVERY,
  /** Events with the same {@code partitionkey} reach a group in publish order. */
  PER_KEY_ORDERING,
  /** The broker itself drops repeats of an idempotency key (JetStream, Pulsar). */
  NATIVE_DEDUPLICATION,
  /** Repeats of an idempotency key are dropped, natively or by Sluice. */
  DEDUPLICATION,
  /** Request-reply works (natively or through reply subjects in Sluice). */
  REQUEST_REPLY,
  /** The broker tells a requester at once that no one is listening. */
  NO_RESPONDERS_DETECTION,
  /** Deliveries carry a broker-assigned sequence or offset. */
  SEQUENCES,
  /** A consumer's deliveries stop after a maximum count of attempts. */
  MAX_DELIVERIES
}
