package io.sluice.pulsar.internal;

import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.FailureLog;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Shared Pulsar subscription read by one thread that hands messages to the handler one at a time,
 * holding at most {@code maxInFlight} unsettled. A group's subscription is named after the group
 * and outlives its members; a private subscription has a unique name and is removed when it closes.
 */
final class PulsarSubscription implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(PulsarSubscription.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final PulsarBroker broker;
  private final SubjectPattern pattern;
  private final SubscribeOptions options;
  private final DeliveryHandler handler;
  private final Consumer<byte[]> consumer;
  private final StartFilter start;
  private final Semaphore permits;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final FailureLog failures = new FailureLog(LOG);
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.Set<PulsarDelivery> open =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean active = true;

  private PulsarSubscription(
      PulsarBroker broker,
      SubjectPattern pattern,
      SubscribeOptions options,
      DeliveryHandler handler,
      Consumer<byte[]> consumer,
      StartFilter start) {
    this.broker = broker;
    this.pattern = pattern;
    this.options = options;
    this.handler = handler;
    this.consumer = consumer;
    this.start = start;
    this.permits = new Semaphore(options.maxInFlight());
  }

  static PulsarSubscription open(
      PulsarBroker broker,
      SubjectPattern pattern,
      SubscribeOptions options,
      DeliveryHandler handler,
      Duration timeout) {
    StartFilter start =
        StartFilter.of(
            options.start(),
            pattern.hasWildcards(),
            options.group() != null,
            broker.clock().instant());
    String name = options.groupName().orElseGet(() -> "sluice-private-" + UUID.randomUUID());
    Consumer<byte[]> consumer =
        ConsumerConfigs.subscribe(broker, pattern, options, name, start, timeout);
    PulsarSubscription subscription =
        new PulsarSubscription(broker, pattern, options, handler, consumer, start);
    Thread.ofPlatform().daemon().name("sluice-pulsar-" + name).start(subscription::readLoop);
    return subscription;
  }

  private void readLoop() {
    try {
      while (active) {
        if (permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          Message<byte[]> message = consumer.receive(100, TimeUnit.MILLISECONDS);
          if (message == null || !active) {
            permits.release();
          } else {
            dispatch(message);
          }
        }
      }
    } catch (PulsarClientException e) {
      if (active) {
        LOG.warn("subscription to '{}' stopped reading: {}", pattern, e.toString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      active = false;
      stopped.complete(null);
    }
  }

  private void dispatch(Message<byte[]> message) {
    int count = message.getRedeliveryCount() + 1;
    if (start.skips(message)) {
      settleQuietly(message);
    } else if (options.maxDeliveries() > 0 && count > options.maxDeliveries()) {
      failures.warn("dropping an event on '{}' after {} deliveries", pattern, count - 1);
      settleQuietly(message);
    } else {
      handOver(message);
    }
  }

  private void handOver(Message<byte[]> message) {
    PulsarDelivery delivery;
    try {
      Subject subject = broker.names().subject(message.getTopicName());
      CloudEvent event = EventCodec.decode(message.getProperties(), message.getValue());
      delivery = new PulsarDelivery(this, message, subject, event);
      open.add(delivery);
    } catch (IllegalArgumentException e) {
      failures.warn("dropping a message on '{}' that is not a CloudEvent: {}", pattern, e);
      settleQuietly(message);
      return;
    }
    broker.later(delivery::expire, options.ackWait());
    try {
      handler.onDelivery(delivery);
    } catch (Exception e) {
      failures.warn("handler for '{}' threw; the delivery is nacked: {}", pattern, e);
      delivery.nack(Duration.ZERO);
    }
  }

  private void settleQuietly(Message<byte[]> message) {
    consumer.acknowledgeAsync(message);
    permits.release();
  }

  void release(PulsarDelivery delivery) {
    open.remove(delivery);
    permits.release();
  }

  CompletionStage<Void> ack(Message<byte[]> message) {
    return consumer
        .acknowledgeAsync(message)
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(Failures.ofOperation("ack", e)));
  }

  void nack(Message<byte[]> message, Duration delay) {
    if (delay.isZero()) {
      consumer.negativeAcknowledge(message);
      return;
    }
    broker.later(() -> consumer.negativeAcknowledge(message), delay);
  }

  CompletionStage<Void> reply(String replyTopic, String correlationId, CloudEvent reply) {
    return broker.sendReply(replyTopic, correlationId, reply);
  }

  void logTerm(CloudEvent event, Subject subject) {
    LOG.info("event '{}' on '{}' terminated; it will not be delivered again", event.id(), subject);
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
    return active;
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    active = false;
    return stopped
        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenRun(this::close);
  }

  /** Waits briefly for the broker to drop this member, so it takes no events meant for others. */
  private void closeAndWait() {
    try {
      consumer.closeAsync().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.debug("closing the consumer of '{}' did not complete: {}", pattern, e.toString());
    }
  }

  /**
   * Stops reading. A group member first nacks its unsettled deliveries, so Pulsar counts their
   * redelivery (a plain disconnect would not), and closes once those nacks have gone out; a private
   * subscription is removed.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    active = false;
    broker.forget(this);
    if (options.group() == null) {
      consumer.unsubscribeAsync().exceptionally(e -> null).thenRun(consumer::closeAsync);
    } else if (open.isEmpty()) {
      closeAndWait();
    } else {
      List.copyOf(open).forEach(d -> d.nack(Duration.ZERO));
      CompletableFuture.delayedExecutor(
              ConsumerConfigs.NACK_REDELIVERY.toMillis() * 3, TimeUnit.MILLISECONDS)
          .execute(consumer::closeAsync);
    }
  }
}
