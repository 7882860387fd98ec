package io.sluice.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerException;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.GuardedHandler;
import io.sluice.broker.support.InFlight;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A subscription on its own channel: {@code basic.qos} prefetch is {@code maxInFlight}, the
 * channel's consumer thread hands deliveries to the handler one at a time, and closing the channel
 * returns every unsettled delivery to its queue. Redelivery: a quorum queue's own requeue ({@code
 * basic.nack}, counted in {@code x-delivery-count}); a private classic queue, which keeps no count,
 * gets the message republished to it with the count in a header; a delayed nack goes through the
 * queue's delay queue. ackWait is enforced here: an unsettled delivery is redelivered after it.
 */
final class RabbitSubscription implements Subscription {
  static final String ATTEMPTS_HEADER = "sluice-attempts";
  static final String SUBJECT_HEADER = "sluice-subject";

  private final AdapterContext context;
  private final SubjectPattern pattern;
  private final SubscribeOptions options;
  private final String queue;
  private final Channel channel;
  private final GuardedHandler handler;
  private final InFlight inFlight = new InFlight();
  private final AtomicBoolean active = new AtomicBoolean(true);
  private volatile String consumerTag;

  private RabbitSubscription(
      AdapterContext context,
      SubjectPattern pattern,
      SubscribeOptions options,
      String queue,
      Channel channel,
      DeliveryHandler handler) {
    this.context = context;
    this.pattern = pattern;
    this.options = options;
    this.queue = queue;
    this.channel = channel;
    this.handler = new GuardedHandler(handler, pattern, "rejecting it");
  }

  static RabbitSubscription open(
      AdapterContext context,
      SubjectPattern pattern,
      SubscribeOptions options,
      DeliveryHandler handler)
      throws IOException {
    String exchange = context.settings().exchange();
    String queue =
        options
            .groupName()
            .map(g -> context.settings().groupQueue(g, pattern))
            .orElseGet(() -> QueueNames.privateQueue(exchange));
    Channel channel = context.connection().createChannel();
    try {
      channel.basicQos(options.maxInFlight());
      if (options.groupName().isPresent()) {
        QueueDeclarations.groupQueue(channel, context.settings(), queue, pattern);
      } else {
        QueueDeclarations.privateQueue(channel, context.settings(), queue, pattern);
      }
      RabbitSubscription subscription =
          new RabbitSubscription(context, pattern, options, queue, channel, handler);
      subscription.consumerTag =
          channel.basicConsume(
              queue, false, (tag, message) -> subscription.received(message), tag -> {});
      return subscription;
    } catch (IOException | RuntimeException e) {
      QueueDeclarations.closeQuietly(channel);
      throw e;
    }
  }

  private boolean isGroup() {
    return options.group() != null;
  }

  private void received(com.rabbitmq.client.Delivery message) {
    long tag = message.getEnvelope().getDeliveryTag();
    AMQP.BasicProperties properties = message.getProperties();
    Map<String, Object> headers = headers(properties);
    String subjectText =
        String.valueOf(headers.getOrDefault(SUBJECT_HEADER, message.getEnvelope().getRoutingKey()));
    if (!pattern.matches(subjectText)) {
      ack(tag); // bound by '#' for zero words, or by '*' for a literal '#': not for this pattern
      return;
    }
    CloudEvent event;
    try {
      event = AmqpEventCodec.decode(properties, message.getBody());
    } catch (RuntimeException e) {
      handler.undecodable(subjectText, e);
      reject(tag);
      return;
    }
    int count = number(headers.get(ATTEMPTS_HEADER)) + number(headers.get("x-delivery-count")) + 1;
    if (options.maxDeliveries() > 0 && count > options.maxDeliveries()) {
      reject(tag);
      return;
    }
    RabbitDelivery delivery =
        new RabbitDelivery(
            this, Subject.of(subjectText), event, count, tag, properties, message.getBody());
    hand(delivery);
  }

  private void hand(RabbitDelivery delivery) {
    try {
      delivery.expireAfter(
          context
              .timer()
              .schedule(delivery::expire, options.ackWait().toMillis(), TimeUnit.MILLISECONDS));
    } catch (RejectedExecutionException closed) {
      return; // the broker is closing; the channel's close returns the message
    }
    inFlight.enter();
    try {
      handler.deliver(delivery);
    } finally {
      inFlight.exit();
    }
  }

  CompletableFuture<Void> ack(long tag) {
    return onChannel(() -> channel.basicAck(tag, false));
  }

  CompletableFuture<Void> reject(long tag) {
    return onChannel(() -> channel.basicReject(tag, false));
  }

  /** Delivers again after {@code delay}, or terminates once maxDeliveries is used up. */
  CompletableFuture<Void> redeliver(RabbitDelivery delivery, Duration delay) {
    if (options.maxDeliveries() > 0 && delivery.deliveryCount() >= options.maxDeliveries()) {
      return reject(delivery.tag());
    }
    if (delay.isZero() && isGroup()) {
      return onChannel(() -> channel.basicNack(delivery.tag(), false, true));
    }
    String target;
    try {
      target =
          delay.isZero()
              ? queue
              : QueueDeclarations.delayQueue(context.connection(), queue, delay, isGroup());
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(failure("declaring the delay queue", e));
    }
    return context
        .publisher()
        .publishConfirmed(
            "",
            target,
            again(delivery),
            delivery.body(),
            reason ->
                new BrokerUnavailableException("could not requeue to '" + target + "': " + reason))
        .thenCompose(v -> ack(delivery.tag()));
  }

  private static AMQP.BasicProperties again(RabbitDelivery delivery) {
    Map<String, Object> headers = new HashMap<>(headers(delivery.properties()));
    headers.remove("x-delivery-count");
    headers.remove("x-death");
    headers.put(ATTEMPTS_HEADER, delivery.deliveryCount());
    headers.put(SUBJECT_HEADER, delivery.subject().value());
    return delivery.properties().builder().headers(headers).build();
  }

  CompletableFuture<Void> reply(String replyTo, String correlationId, CloudEvent reply) {
    AMQP.BasicProperties properties =
        AmqpEventCodec.properties(reply, false).correlationId(correlationId).build();
    return context.publisher().publish("", replyTo, properties, AmqpEventCodec.body(reply));
  }

  private CompletableFuture<Void> onChannel(ChannelAction action) {
    try {
      synchronized (channel) {
        action.run();
      }
      return CompletableFuture.completedFuture(null);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(failure("settling a delivery", e));
    }
  }

  private BrokerException failure(String what, Exception e) {
    if (!active.get()) {
      return new BrokerClosedException("subscription to '" + pattern + "' is closed");
    }
    return new BrokerUnavailableException(what + " on '" + pattern + "' failed", e);
  }

  private static Map<String, Object> headers(AMQP.BasicProperties properties) {
    return properties.getHeaders() == null ? Map.of() : properties.getHeaders();
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  @Override
  public SubjectPattern pattern() {
    return pattern;
  }

  @Override
  public Optional<String> group() {
    return options.groupName();
  }

  @Override
  public boolean isActive() {
    return active.get() && channel.isOpen();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    if (active.get()) {
      onChannel(() -> channel.basicCancel(consumerTag));
    }
    return inFlight
        .whenIdle()
        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenRunAsync(this::close);
  }

  @Override
  public void close() {
    active.set(false);
    QueueDeclarations.closeQuietly(channel);
  }

  @FunctionalInterface
  private interface ChannelAction {
    void run() throws IOException;
  }
}
