package io.sluice.nats.internal;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.time.ZoneOffset;

/** Maps {@link SubscribeOptions} to JetStream pull-consumer configurations. */
final class ConsumerConfigs {
  /** How long the server keeps a group-less consumer after its subscriber went away. */
  static final Duration EPHEMERAL_INACTIVE_THRESHOLD = Duration.ofMinutes(2);

  private ConsumerConfigs() {}

  /** A new consumer: durable when the options name a group, starting where they say. */
  static ConsumerConfiguration create(SubjectPattern pattern, SubscribeOptions options) {
    ConsumerConfiguration.Builder b =
        limits(ConsumerConfiguration.builder(), options)
            .filterSubject(pattern.value())
            .ackPolicy(AckPolicy.Explicit);
    if (options.group() != null) {
      b.durable(options.group());
    } else {
      b.inactiveThreshold(EPHEMERAL_INACTIVE_THRESHOLD);
    }
    return start(b, options.start()).build();
  }

  /** An existing durable consumer resumes where it stopped; only its limits follow the options. */
  static ConsumerConfiguration resume(ConsumerConfiguration existing, SubscribeOptions options) {
    return limits(ConsumerConfiguration.builder(existing), options).build();
  }

  private static ConsumerConfiguration.Builder limits(
      ConsumerConfiguration.Builder b, SubscribeOptions options) {
    return b.ackWait(options.ackWait())
        .maxDeliver(options.maxDeliveries() == 0 ? -1 : options.maxDeliveries())
        .maxAckPending(options.maxInFlight());
  }

  private static ConsumerConfiguration.Builder start(
      ConsumerConfiguration.Builder b, StartPosition start) {
    return switch (start) {
      case StartPosition.NewOnly n -> b.deliverPolicy(DeliverPolicy.New);
      case StartPosition.All a -> b.deliverPolicy(DeliverPolicy.All);
      case StartPosition.AtSequence s ->
          b.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(s.sequence());
      case StartPosition.AtTime t ->
          b.deliverPolicy(DeliverPolicy.ByStartTime).startTime(t.time().atZone(ZoneOffset.UTC));
    };
  }
}
