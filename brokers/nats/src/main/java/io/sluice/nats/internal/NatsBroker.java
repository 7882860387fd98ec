package io.sluice.nats.internal;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.StreamContext;
import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.AbstractBroker;
import io.sluice.broker.support.GuardedHandler;
import io.sluice.envelope.CloudEvent;
import io.sluice.nats.NatsSettings;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link Broker} over one jnats connection: core NATS plus JetStream. */
public final class NatsBroker extends AbstractBroker {
  public static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              Capability.DURABLE_PUBLISH,
              Capability.REPLAY,
              Capability.CONSUMER_GROUPS,
              Capability.DURABLE_CONSUMERS,
              Capability.DELAYED_REDELIVERY,
              Capability.NATIVE_DEDUPLICATION,
              Capability.DEDUPLICATION,
              Capability.REQUEST_REPLY,
              Capability.NO_RESPONDERS_DETECTION,
              Capability.SEQUENCES,
              Capability.MAX_DELIVERIES));

  private final Connection connection;
  private final ConnectionStateTracker tracker;
  private final Publishers publishers;
  private final Requests requests;
  private final StreamLocator streams;
  private final NatsSettings settings;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final PendingOperations pending = new PendingOperations();

  private NatsBroker(
      BrokerSpec spec, NatsSettings settings, Connection connection, ConnectionStateTracker t)
      throws IOException {
    super(spec.redactedUrl(), CAPABILITIES);
    this.settings = settings;
    this.connection = connection;
    this.tracker = t;
    JetStreamOptions jso = jetStreamOptions(settings);
    this.streams = new StreamLocator(connection.jetStreamManagement(jso), settings.streams());
    this.publishers =
        new Publishers(connection, connection.jetStream(jso), settings.requestTimeout());
    this.requests = new Requests(connection, streams);
    t.onReconnected(this::resumeConsumers);
  }

  /** Connects, then creates or checks the declared streams; closes again if that fails. */
  public static NatsBroker connect(BrokerSpec spec, NatsSettings settings) {
    ConnectionStateTracker tracker =
        new ConnectionStateTracker(spec.redactedUrl(), spec.listeners(), spec.clock());
    Connection connection = Connector.open(spec, settings, tracker);
    tracker.moveTo(ConnectionState.CONNECTED);
    try {
      new StreamProvisioner(connection.jetStreamManagement(jetStreamOptions(settings)))
          .provision(settings.streams());
      return new NatsBroker(spec, settings, connection, tracker);
    } catch (IOException | RuntimeException e) {
      closeQuietly(connection);
      throw e instanceof RuntimeException r ? r : Failures.of("open JetStream", e);
    }
  }

  @Override
  public CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, AckMode ackMode) {
    checkPublish(subject, event, ackMode);
    if (closed.get()) {
      return CompletableFuture.failedFuture(closedError("publish to '" + subject + "'"));
    }
    if (ackMode == AckMode.DURABLE) {
      return pending.track(publishers.durable(subject, event));
    }
    if (streams.covers(subject)) {
      return pending.track(publishers.storedByStream(subject, event));
    }
    try {
      return CompletableFuture.completedFuture(publishers.fireAndForget(subject, event));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    checkSubscribe(pattern, options, handler);
    if (closed.get()) {
      throw closedError("subscribe to '" + pattern + "'");
    }
    GuardedHandler guarded = new GuardedHandler(handler, pattern, "dropping it");
    Optional<String> stream = streams.streamFor(pattern);
    Subscription s =
        stream.isPresent()
            ? JetStreamSubscription.start(
                connection, streamContext(stream.get()), pattern, options, guarded)
            : CoreSubscription.start(connection, pattern, options.group(), guarded);
    subscriptions.removeIf(existing -> !existing.isActive());
    subscriptions.add(s);
    return s;
  }

  @Override
  public CompletionStage<CloudEvent> request(
      Subject subject, CloudEvent request, Duration timeout) {
    checkRequest(subject, request, timeout);
    if (closed.get()) {
      return CompletableFuture.failedFuture(closedError("request on '" + subject + "'"));
    }
    return pending.track(requests.send(subject, request, timeout));
  }

  @Override
  public ConnectionState state() {
    return tracker.state();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    if (!closed.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    tracker.moveTo(ConnectionState.DRAINING);
    CompletableFuture<?>[] drained =
        subscriptions.stream()
            .map(s -> s.drain(timeout).toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(drained)
        .handle((v, e) -> null)
        .thenCompose(v -> ConnectionDrain.drain(connection, timeout))
        .whenComplete((v, e) -> finish());
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true) || tracker.state() != ConnectionState.CLOSED) {
      subscriptions.forEach(Subscription::close);
      finish();
    }
  }

  private void resumeConsumers() {
    for (Subscription s : subscriptions) {
      if (s instanceof JetStreamSubscription j && j.isActive()) {
        j.resume();
      }
    }
  }

  private void finish() {
    publishers.close();
    pending.failAll(url());
    closeQuietly(connection);
    tracker.moveTo(ConnectionState.CLOSED);
  }

  private StreamContext streamContext(String stream) {
    try {
      return connection.getStreamContext(stream, jetStreamOptions(settings));
    } catch (IOException | JetStreamApiException e) {
      throw Failures.of("open stream '" + stream + "'", e);
    }
  }

  private static JetStreamOptions jetStreamOptions(NatsSettings settings) {
    return JetStreamOptions.builder().requestTimeout(settings.requestTimeout()).build();
  }

  private BrokerClosedException closedError(String doing) {
    return new BrokerClosedException("NATS broker " + url() + " is closed; cannot " + doing);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
