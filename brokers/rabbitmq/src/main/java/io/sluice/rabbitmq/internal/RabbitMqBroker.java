package io.sluice.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.sluice.broker.AckMode;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.PublishRejectedException;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.AbstractBroker;
import io.sluice.broker.support.Deduplicator;
import io.sluice.envelope.CloudEvent;
import io.sluice.rabbitmq.RabbitMqSettings;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The RabbitMQ broker: one connection (automatic recovery on), one confirm-mode channel for
 * publishes, one direct reply-to channel for requests and one channel per subscription. Consumer
 * callbacks run on virtual threads, so a slow handler holds up only its own subscription. Subjects
 * are routing keys on a topic exchange; see {@link RoutingKeys} and {@link QueueDeclarations}.
 */
public final class RabbitMqBroker extends AbstractBroker {
  public static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              Capability.DURABLE_PUBLISH,
              Capability.CONSUMER_GROUPS,
              Capability.DURABLE_CONSUMERS,
              Capability.DELAYED_REDELIVERY,
              Capability.DEDUPLICATION,
              Capability.REQUEST_REPLY,
              Capability.NO_RESPONDERS_DETECTION,
              Capability.MAX_DELIVERIES));

  private final AdapterContext context;
  private final ReplyRequests requests;
  private final Deduplicator dedup;
  private final ConnectionTracker tracker;
  private final ExecutorService consumers;
  private final CopyOnWriteArrayList<RabbitSubscription> subscriptions =
      new CopyOnWriteArrayList<>();

  private RabbitMqBroker(
      String url,
      AdapterContext context,
      ReplyRequests requests,
      Deduplicator dedup,
      ExecutorService consumers) {
    super(url, CAPABILITIES);
    this.consumers = consumers;
    this.context = context;
    this.requests = requests;
    this.dedup = dedup;
    this.tracker = new ConnectionTracker(context.connection());
  }

  /** Connects, declares the exchanges and opens the publishing and request channels. */
  public static RabbitMqBroker connect(BrokerSpec spec, RabbitMqSettings settings) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sluice-amqp-timer").factory());
    Executor callbacks =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sluice-amqp-", 0).factory());
    ExecutorService consumers =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sluice-amqp-consumer-", 0).factory());
    Connection connection = null;
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(spec.url());
      factory.setSharedExecutor(consumers);
      connection = factory.newConnection("sluice");
      Channel setup = connection.createChannel();
      QueueDeclarations.exchanges(setup, settings);
      QueueDeclarations.closeQuietly(setup);
      ConfirmingPublisher publisher = ConfirmingPublisher.open(connection, callbacks);
      AdapterContext context =
          new AdapterContext(connection, publisher, settings, timer, callbacks);
      ReplyRequests requests =
          ReplyRequests.open(connection, settings.requestExchange(), callbacks, timer);
      return new RabbitMqBroker(
          spec.redactedUrl(),
          context,
          requests,
          new Deduplicator(settings.dedupWindow(), spec.clock()),
          consumers);
    } catch (Exception e) {
      timer.shutdownNow();
      consumers.shutdownNow();
      closeQuietly(connection);
      throw new BrokerUnavailableException(
          "cannot connect to RabbitMQ at " + spec.redactedUrl() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, AckMode ackMode) {
    checkPublish(subject, event, ackMode);
    if (!tracker.isOpen()) {
      return CompletableFuture.failedFuture(closed());
    }
    if (!RoutingKeys.fits(subject)) {
      return CompletableFuture.failedFuture(
          new PublishRejectedException(
              subject, "an AMQP routing key holds at most 255 bytes of UTF-8"));
    }
    return dedup.publish(subject, event, () -> send(subject, event, ackMode));
  }

  private CompletionStage<PublishReceipt> send(Subject subject, CloudEvent event, AckMode mode) {
    boolean durable = mode == AckMode.DURABLE;
    AMQP.BasicProperties properties = AmqpEventCodec.properties(event, durable).build();
    String exchange = context.settings().exchange();
    String key = RoutingKeys.routingKey(subject);
    byte[] body = AmqpEventCodec.body(event);
    if (!durable) {
      return context
          .publisher()
          .publish(exchange, key, properties, body)
          .thenApply(v -> PublishReceipt.sent(subject, event.id()));
    }
    return context
        .publisher()
        .publishConfirmed(
            exchange,
            key,
            properties,
            body,
            reason ->
                new PublishRejectedException(
                    subject,
                    "no queue is bound to it on exchange '" + exchange + "' (" + reason + ")"))
        .thenApply(v -> durableReceipt(subject, event.id(), exchange));
  }

  private static PublishReceipt durableReceipt(Subject subject, String eventId, String exchange) {
    return new PublishReceipt(
        subject,
        eventId,
        AckMode.DURABLE,
        Optional.of(exchange),
        OptionalInt.empty(),
        OptionalLong.empty(),
        false);
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    checkSubscribe(pattern, options, handler);
    if (!tracker.isOpen()) {
      throw closed();
    }
    try {
      RabbitSubscription subscription = RabbitSubscription.open(context, pattern, options, handler);
      subscriptions.add(subscription);
      return subscription;
    } catch (IOException | RuntimeException e) {
      throw new BrokerUnavailableException(
          "subscribing to '" + pattern + "' failed: " + e.getMessage(), e);
    }
  }

  @Override
  public CompletionStage<CloudEvent> request(
      Subject subject, CloudEvent request, Duration timeout) {
    checkRequest(subject, request, timeout);
    if (!tracker.isOpen()) {
      return CompletableFuture.failedFuture(closed());
    }
    return requests.request(subject, request, timeout);
  }

  @Override
  public ConnectionState state() {
    return tracker.state();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    if (!tracker.startDraining()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?>[] drains =
        subscriptions.stream()
            .map(s -> s.drain(timeout).toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(drains)
        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenRunAsync(this::close);
  }

  @Override
  public void close() {
    if (!tracker.close()) {
      return;
    }
    subscriptions.forEach(RabbitSubscription::close);
    requests.close();
    context.publisher().close();
    context.timer().shutdownNow();
    closeQuietly(context.connection());
    consumers.shutdown();
  }

  private BrokerClosedException closed() {
    return new BrokerClosedException("the RabbitMQ broker " + url() + " is closed");
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close(2_000);
    } catch (IOException | RuntimeException e) {
      // already closed or unreachable: nothing left to release
    }
  }
}
