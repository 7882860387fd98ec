package io.sluice.broker.memory;

import io.sluice.broker.BrokerEvent.Outcome;
import io.sluice.broker.Delivery;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;

/**
 * One attempt to deliver an event to a member; the first settlement counts, later ones are no-ops.
 */
final class MemoryDelivery implements Delivery {
  private final Consumer consumer;
  private final MemorySubscription member;
  private final StoredEvent stored;
  private final int deliveryCount;
  private ScheduledFuture<?> ackWaitTimer;

  MemoryDelivery(Consumer consumer, MemorySubscription member, StoredEvent stored, int count) {
    this.consumer = consumer;
    this.member = member;
    this.stored = stored;
    this.deliveryCount = count;
  }

  @Override
  public Subject subject() {
    return stored.subject();
  }

  @Override
  public CloudEvent event() {
    return stored.event();
  }

  @Override
  public int deliveryCount() {
    return deliveryCount;
  }

  @Override
  public OptionalLong sequence() {
    return stored.sequence();
  }

  @Override
  public CompletionStage<Void> ack() {
    return settle(Outcome.ACKED, Duration.ZERO);
  }

  @Override
  public CompletionStage<Void> nack(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("nack delay must be >= 0 but was " + delay);
    }
    return settle(Outcome.NACKED, delay);
  }

  @Override
  public CompletionStage<Void> term() {
    return settle(Outcome.TERMINATED, Duration.ZERO);
  }

  @Override
  public boolean expectsReply() {
    return stored.isRequest();
  }

  /** Completes the request with {@code reply} (the first reply wins) and acknowledges it. */
  @Override
  public CompletionStage<Void> reply(CloudEvent reply) {
    Objects.requireNonNull(reply, "reply");
    if (!stored.isRequest()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "event " + stored.event().id() + " on '" + subject() + "' expects no reply"));
    }
    stored.replyTo().complete(reply);
    return ack();
  }

  StoredEvent stored() {
    return stored;
  }

  MemorySubscription member() {
    return member;
  }

  void expireAfter(ScheduledFuture<?> timer) {
    this.ackWaitTimer = timer;
  }

  void cancelTimer() {
    if (ackWaitTimer != null) {
      ackWaitTimer.cancel(false);
    }
  }

  private CompletionStage<Void> settle(Outcome outcome, Duration delay) {
    return member.broker().settle(consumer, this, outcome, delay);
  }

  @Override
  public String toString() {
    return "Delivery{subject="
        + subject()
        + ", id="
        + event().id()
        + ", count="
        + deliveryCount
        + "}";
  }
}
