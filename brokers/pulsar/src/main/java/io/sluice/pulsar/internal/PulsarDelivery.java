package io.sluice.pulsar.internal;

import io.sluice.broker.Delivery;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pulsar.client.api.Message;

/**
 * One message handed to a handler. It holds one of its subscription's in-flight permits until it is
 * settled or its ackWait passes (then Pulsar redelivers it and the permit is returned); an ack
 * after that still acknowledges the message.
 */
final class PulsarDelivery implements Delivery {
  private static final int OPEN = 0;
  private static final int SETTLED = 1;
  private static final int EXPIRED = 2;

  private final PulsarSubscription subscription;
  private final Message<byte[]> message;
  private final Subject subject;
  private final CloudEvent event;
  private final AtomicInteger state = new AtomicInteger(OPEN);

  PulsarDelivery(
      PulsarSubscription subscription, Message<byte[]> message, Subject subject, CloudEvent event) {
    this.subscription = subscription;
    this.message = message;
    this.subject = subject;
    this.event = event;
  }

  @Override
  public Subject subject() {
    return subject;
  }

  @Override
  public CloudEvent event() {
    return event;
  }

  @Override
  public int deliveryCount() {
    return message.getRedeliveryCount() + 1;
  }

  @Override
  public OptionalLong sequence() {
    return OptionalLong.of(Sequences.of(message.getMessageId()));
  }

  @Override
  public CompletionStage<Void> ack() {
    return settle() ? subscription.ack(message) : CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> nack(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("nack delay must be >= 0 but was " + delay);
    }
    if (state.compareAndSet(OPEN, SETTLED)) {
      subscription.release(this);
      subscription.nack(message, delay);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> term() {
    if (!settle()) {
      return CompletableFuture.completedFuture(null);
    }
    subscription.logTerm(event, subject);
    return subscription.ack(message);
  }

  @Override
  public boolean expectsReply() {
    return message.hasProperty(Requests.REPLY_TO);
  }

  @Override
  public CompletionStage<Void> reply(CloudEvent reply) {
    Objects.requireNonNull(reply, "reply");
    if (!expectsReply()) {
      throw new IllegalStateException(
          "event '" + event.id() + "' on '" + subject + "' was published, not sent as a request");
    }
    return subscription.reply(
        message.getProperty(Requests.REPLY_TO),
        message.getProperty(Requests.CORRELATION_ID),
        reply);
  }

  /** Returns the permit when ackWait passed unsettled; Pulsar redelivers the message itself. */
  void expire() {
    if (state.compareAndSet(OPEN, EXPIRED)) {
      subscription.release(this);
    }
  }

  /** True for the first settlement; an expired delivery may still be acknowledged. */
  private boolean settle() {
    if (state.compareAndSet(OPEN, SETTLED)) {
      subscription.release(this);
      return true;
    }
    return state.compareAndSet(EXPIRED, SETTLED);
  }
}
