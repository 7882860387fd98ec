package io.sluice.pulsar.internal;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.AbstractBroker;
import io.sluice.broker.support.Deduplicator;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.pulsar.PulsarSettings;
import io.sluice.pulsar.PulsarTopicNames;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.TypedMessageBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Broker} over one {@link PulsarClient}. */
public final class PulsarBroker extends AbstractBroker {
  private static final Logger LOG = LoggerFactory.getLogger(PulsarBroker.class);
  public static final Set<Capability> CAPABILITIES =
      Set.of(
          Capability.DURABLE_PUBLISH,
          Capability.REPLAY,
          Capability.CONSUMER_GROUPS,
          Capability.DURABLE_CONSUMERS,
          Capability.DELAYED_REDELIVERY,
          Capability.DEDUPLICATION,
          Capability.REQUEST_REPLY,
          Capability.SEQUENCES,
          Capability.MAX_DELIVERIES);

  private final PulsarSettings settings;
  private final PulsarClient client;
  private final PulsarTopicNames names;
  private final Producers producers;
  private final Deduplicator deduplicator;
  private final Requests requests;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final CopyOnWriteArrayList<PulsarSubscription> subscriptions =
      new CopyOnWriteArrayList<>();
  private final AtomicReference<ConnectionState> state =
      new AtomicReference<>(ConnectionState.CONNECTED);

  private PulsarBroker(BrokerSpec spec, PulsarSettings settings, PulsarClient client) {
    super(spec.redactedUrl(), CAPABILITIES);
    this.settings = settings;
    this.client = client;
    this.clock = spec.clock();
    this.names = PulsarTopicNames.in(settings.tenant(), settings.namespace());
    this.producers = new Producers(client, settings.operationTimeout().toMillis());
    this.deduplicator = new Deduplicator(settings.dedupWindow(), clock);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sluice-pulsar-timer").factory());
    this.requests = new Requests(this, client, settings);
  }

  /** Connects and checks that the broker answers; fails with BrokerUnavailableException. */
  public static PulsarBroker connect(BrokerSpec spec, PulsarSettings settings) {
    PulsarClient client = Connections.open(spec, settings);
    return new PulsarBroker(spec, settings, client);
  }

  @Override
  public CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, AckMode ackMode) {
    checkPublish(subject, event, ackMode);
    if (!state.get().isReady()) {
      return CompletableFuture.failedFuture(closed());
    }
    String topic = names.topic(subject);
    return deduplicator.publish(
        subject, event, () -> send(subject, topic, event, ackMode, Map.of()));
  }

  CompletableFuture<PublishReceipt> send(
      Subject subject, String topic, CloudEvent event, AckMode ackMode, Map<String, String> extra) {
    return producers
        .send(topic, producer -> message(producer, event, extra).sendAsync())
        .thenApply(id -> receipt(subject, topic, event, ackMode, id))
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(Failures.ofPublish(subject, e)));
  }

  /**
   * Pulsar confirms every send once the broker has persisted it, and Sluice waits for that
   * confirmation in both ack modes so every receipt carries its sequence; the receipt still names
   * the ack mode asked for.
   */
  private static PublishReceipt receipt(
      Subject subject, String topic, CloudEvent event, AckMode ackMode, MessageId id) {
    return new PublishReceipt(
        subject,
        event.id(),
        ackMode,
        Optional.of(topic),
        OptionalInt.empty(),
        OptionalLong.of(Sequences.of(id)),
        false);
  }

  private static TypedMessageBuilder<byte[]> message(
      Producer<byte[]> producer, CloudEvent event, Map<String, String> extra) {
    TypedMessageBuilder<byte[]> message =
        producer
            .newMessage()
            .value(EventCodec.payload(event))
            .properties(EventCodec.properties(event))
            .properties(extra);
    event.extensionAsString(Extensions.PARTITION_KEY).ifPresent(message::key);
    return message;
  }

  /** Sends a reply to a requester's reply topic. */
  CompletableFuture<Void> sendReply(String replyTopic, String correlationId, CloudEvent reply) {
    if (state.get() == ConnectionState.CLOSED) {
      return CompletableFuture.failedFuture(closed());
    }
    return producers
        .send(
            replyTopic,
            p -> message(p, reply, Map.of(Requests.CORRELATION_ID, correlationId)).sendAsync())
        .thenApply(id -> (Void) null)
        .exceptionallyCompose(
            e -> CompletableFuture.failedFuture(Failures.ofOperation("reply", e)));
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    checkSubscribe(pattern, options, handler);
    if (!state.get().isReady()) {
      throw closed();
    }
    PulsarSubscription subscription =
        PulsarSubscription.open(this, pattern, options, handler, settings.operationTimeout());
    subscriptions.add(subscription);
    return subscription;
  }

  @Override
  public CompletionStage<CloudEvent> request(
      Subject subject, CloudEvent request, Duration timeout) {
    checkRequest(subject, request, timeout);
    if (!state.get().isReady()) {
      return CompletableFuture.failedFuture(closed());
    }
    return requests.request(subject, names.topic(subject), request, timeout);
  }

  @Override
  public ConnectionState state() {
    ConnectionState current = state.get();
    if (current == ConnectionState.CONNECTED && client.isClosed()) {
      return ConnectionState.CLOSED;
    }
    return current;
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    if (!state.compareAndSet(ConnectionState.CONNECTED, ConnectionState.DRAINING)) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?>[] drains =
        subscriptions.stream()
            .map(s -> s.drain(timeout).toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(drains)
        .thenCompose(v -> producers.flush())
        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((v, e) -> null)
        .thenRun(this::close);
  }

  @Override
  public void close() {
    if (state.getAndSet(ConnectionState.CLOSED) == ConnectionState.CLOSED) {
      return;
    }
    subscriptions.forEach(PulsarSubscription::close);
    requests.close();
    producers
        .close()
        .thenCompose(v -> client.closeAsync())
        .whenComplete((v, e) -> logCloseFailure(e));
    scheduler.shutdownNow();
  }

  private static void logCloseFailure(Throwable failure) {
    if (failure != null) {
      LOG.debug("closing the Pulsar client failed", failure);
    }
  }

  void forget(PulsarSubscription subscription) {
    subscriptions.remove(subscription);
  }

  PulsarClient client() {
    return client;
  }

  PulsarTopicNames names() {
    return names;
  }

  PulsarSettings settings() {
    return settings;
  }

  /** Runs {@code task} after {@code delay}; after close the task is dropped. */
  void later(Runnable task, Duration delay) {
    try {
      scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
      LOG.debug("broker closed; a scheduled redelivery or expiry is dropped");
    }
  }

  Clock clock() {
    return clock;
  }

  static BrokerClosedException closed() {
    return new BrokerClosedException("the Pulsar broker connection is closed or draining");
  }

  static BrokerUnavailableException unavailable(String message, Throwable cause) {
    return new BrokerUnavailableException(message, cause);
  }
}
