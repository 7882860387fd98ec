package io.sluice.broker;

import io.sluice.subject.Subject;
import java.time.Duration;
import java.time.Instant;

/**
 * What happened inside a broker connection, as typed records. Metrics and audit are listeners of
 * these; they never reach into adapters.
 */
public sealed interface BrokerEvent {

  Instant at();

  /** An event was published. */
  record Published(Instant at, PublishReceipt receipt, Duration took) implements BrokerEvent {}

  /** A publish failed. */
  record PublishFailed(Instant at, Subject subject, String eventId, BrokerException error)
      implements BrokerEvent {}

  /** An event was handed to a subscriber. */
  record Delivered(Instant at, Subject subject, String eventId, String group, int deliveryCount)
      implements BrokerEvent {}

  /** A delivery was settled: acknowledged, nacked for redelivery or terminated. */
  record Settled(Instant at, Subject subject, String eventId, String group, Outcome outcome)
      implements BrokerEvent {}

  /** The connection changed state. */
  record ConnectionChanged(Instant at, ConnectionState state) implements BrokerEvent {}

  /** How a delivery was settled. */
  enum Outcome {
    ACKED,
    NACKED,
    TERMINATED
  }
}
