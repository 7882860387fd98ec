package io.sluice.embedded;

import io.sluice.broker.Delivery;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One delivery of a logged event; settling it goes back to its group. */
final class EmbeddedDelivery implements Delivery {
  private final ConsumerGroup group;
  private final Pending pending;
  private final int attempt;
  private final int deliveryCount;

  EmbeddedDelivery(ConsumerGroup group, Pending pending, int attempt, int deliveryCount) {
    this.group = group;
    this.pending = pending;
    this.attempt = attempt;
    this.deliveryCount = deliveryCount;
  }

  @Override
  public Subject subject() {
    return pending.event.subject();
  }

  @Override
  public CloudEvent event() {
    return pending.event.event();
  }

  @Override
  public int deliveryCount() {
    return deliveryCount;
  }

  @Override
  public OptionalLong sequence() {
    return OptionalLong.of(pending.sequence());
  }

  /** False once the event was settled or delivered again: handling this copy is pointless. */
  boolean isOutstanding() {
    return group.isOutstanding(pending, attempt);
  }

  /** Completes once the ack is durable (for a durable group) or recorded (private). */
  @Override
  public CompletionStage<Void> ack() {
    return group.ack(pending, attempt);
  }

  @Override
  public CompletionStage<Void> nack(Duration delay) {
    if (delay == null || delay.isNegative()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("nack delay must be >= 0 but was " + delay));
    }
    return group.nack(pending, attempt, delay);
  }

  @Override
  public CompletionStage<Void> term() {
    return group.term(pending, attempt);
  }

  @Override
  public boolean expectsReply() {
    return false;
  }

  @Override
  public CompletionStage<Void> reply(CloudEvent reply) {
    return CompletableFuture.failedFuture(
        new IllegalStateException(
            "event " + pending.event.event().id() + " was published, not requested: no reply"));
  }
}
