package io.sluice.kafka.internal;

import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a caller holds: one member of a reader. Members of one group on one pattern in one process
 * share one Kafka consumer, which hands each record to the next member with room (Kafka alone would
 * give a one-partition topic to a single member); members in other processes share the group's
 * partitions through Kafka.
 */
final class Member implements Subscription {
  private final KafkaSubscription reader;
  private final DeliveryHandler handler;
  private final SubscribeOptions options;
  private volatile boolean active = true;

  Member(KafkaSubscription reader, DeliveryHandler handler, SubscribeOptions options) {
    this.reader = reader;
    this.handler = handler;
    this.options = options;
  }

  KafkaSubscription reader() {
    return reader;
  }

  DeliveryHandler handler() {
    return handler;
  }

  int maxInFlight() {
    return options.maxInFlight();
  }

  void deactivate() {
    active = false;
  }

  @Override
  public SubjectPattern pattern() {
    return reader.pattern();
  }

  @Override
  public Optional<String> group() {
    return options.groupName();
  }

  @Override
  public boolean isActive() {
    return active && reader.isActive();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    active = false;
    return reader.leave(this, timeout);
  }

  @Override
  public void close() {
    active = false;
    reader.leave(this, null);
  }
}
