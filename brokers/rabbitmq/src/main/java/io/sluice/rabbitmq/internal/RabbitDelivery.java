package io.sluice.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import io.sluice.broker.Delivery;
import io.sluice.broker.support.Settlement;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/** One AMQP delivery; the first ack, nack, term or ackWait expiry settles it. */
final class RabbitDelivery implements Delivery {
  private final RabbitSubscription owner;
  private final Subject subject;
  private final CloudEvent event;
  private final int deliveryCount;
  private final long tag;
  private final AMQP.BasicProperties properties;
  private final byte[] body;
  private final Settlement settlement = new Settlement();

  RabbitDelivery(
      RabbitSubscription owner,
      Subject subject,
      CloudEvent event,
      int deliveryCount,
      long tag,
      AMQP.BasicProperties properties,
      byte[] body) {
    this.owner = owner;
    this.subject = subject;
    this.event = event;
    this.deliveryCount = deliveryCount;
    this.tag = tag;
    this.properties = properties;
    this.body = body;
  }

  void expireAfter(Future<?> expiry) {
    settlement.expireAfter(expiry);
  }

  /** The ackWait passed without a settlement: redeliver, as a nack would. */
  void expire() {
    if (settlement.settle()) {
      owner.redeliver(this, Duration.ZERO);
    }
  }

  long tag() {
    return tag;
  }

  AMQP.BasicProperties properties() {
    return properties;
  }

  byte[] body() {
    return body;
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
    return deliveryCount;
  }

  @Override
  public OptionalLong sequence() {
    return OptionalLong.empty();
  }

  @Override
  public CompletionStage<Void> ack() {
    return settlement.settle() ? owner.ack(tag) : Settlement.alreadySettled();
  }

  @Override
  public CompletionStage<Void> nack(Duration delay) {
    Settlement.nackDelay(delay);
    return settlement.settle() ? owner.redeliver(this, delay) : Settlement.alreadySettled();
  }

  @Override
  public CompletionStage<Void> term() {
    return settlement.settle() ? owner.reject(tag) : Settlement.alreadySettled();
  }

  @Override
  public boolean expectsReply() {
    return properties.getReplyTo() != null;
  }

  @Override
  public CompletionStage<Void> reply(CloudEvent reply) {
    Objects.requireNonNull(reply, "reply");
    if (!expectsReply()) {
      throw new IllegalStateException(
          "event " + event.id() + " on '" + subject + "' was published, not sent as a request");
    }
    return owner.reply(properties.getReplyTo(), properties.getCorrelationId(), reply);
  }
}
