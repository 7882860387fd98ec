package io.sluice.nats.internal;

import io.nats.client.Message;
import io.sluice.broker.Delivery;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JetStream delivery with explicit acknowledgement: ack, nak (optionally delayed) or term. Only
 * the first settlement is sent to the server.
 */
final class JetStreamDelivery implements Delivery {
  private final Message message;
  private final CloudEvent event;
  private final AtomicBoolean settled = new AtomicBoolean();

  JetStreamDelivery(Message message, CloudEvent event) {
    this.message = message;
    this.event = event;
  }

  @Override
  public Subject subject() {
    return Subject.of(message.getSubject());
  }

  @Override
  public CloudEvent event() {
    return event;
  }

  @Override
  public int deliveryCount() {
    return (int) Math.min(Integer.MAX_VALUE, message.metaData().deliveredCount());
  }

  @Override
  public OptionalLong sequence() {
    return OptionalLong.of(message.metaData().streamSequence());
  }

  @Override
  public CompletionStage<Void> ack() {
    return settle(message::ack);
  }

  @Override
  public CompletionStage<Void> nack(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("nack delay must be >= 0 but was " + delay);
    }
    return settle(delay.isZero() ? message::nak : () -> message.nakWithDelay(delay));
  }

  @Override
  public CompletionStage<Void> term() {
    return settle(message::term);
  }

  @Override
  public boolean expectsReply() {
    return false;
  }

  @Override
  public CompletionStage<Void> reply(CloudEvent reply) {
    throw new IllegalStateException(
        "event " + event.id() + " came from a JetStream stream and expects no reply");
  }

  private CompletionStage<Void> settle(Runnable action) {
    if (!settled.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    try {
      action.run();
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Failures.of("settle event " + event.id(), e));
    }
  }
}
