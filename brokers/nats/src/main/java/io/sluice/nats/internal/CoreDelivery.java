package io.sluice.nats.internal;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.sluice.broker.Delivery;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A core NATS delivery: at most once, so settling is accepted and has no effect; a request's reply
 * goes to its reply subject.
 */
final class CoreDelivery implements Delivery {
  private final Connection connection;
  private final Message message;
  private final CloudEvent event;

  CoreDelivery(Connection connection, Message message, CloudEvent event) {
    this.connection = connection;
    this.message = message;
    this.event = event;
  }

  @Override
  public Subject subject() {
    return Subject.of(RequestSubjects.addressed(message.getSubject()));
  }

  @Override
  public CloudEvent event() {
    return event;
  }

  @Override
  public int deliveryCount() {
    return 1;
  }

  @Override
  public OptionalLong sequence() {
    return OptionalLong.empty();
  }

  @Override
  public CompletionStage<Void> ack() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> nack(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("nack delay must be >= 0 but was " + delay);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> term() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean expectsReply() {
    return message.getReplyTo() != null && !message.getReplyTo().isEmpty();
  }

  @Override
  public CompletionStage<Void> reply(CloudEvent reply) {
    if (!expectsReply()) {
      throw new IllegalStateException(
          "event " + event.id() + " on '" + message.getSubject() + "' expects no reply");
    }
    try {
      connection.publish(EventCodec.encode(Subject.of(message.getReplyTo()), reply, null));
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Failures.of("send a reply", e));
    }
  }
}
