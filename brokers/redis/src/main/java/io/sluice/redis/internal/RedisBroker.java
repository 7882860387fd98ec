package io.sluice.redis.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.sluice.broker.AckMode;
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
import io.sluice.envelope.CloudEvent;
import io.sluice.redis.RedisSettings;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Redis Streams broker: one shared connection for publishing and settling, one Pub/Sub
 * connection for replies, and one connection per subscription for its blocking reads. Lettuce
 * reconnects on failure.
 */
public final class RedisBroker extends AbstractBroker {
  public static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              Capability.DURABLE_PUBLISH,
              Capability.REPLAY,
              Capability.CONSUMER_GROUPS,
              Capability.DURABLE_CONSUMERS,
              Capability.DELAYED_REDELIVERY,
              Capability.DEDUPLICATION,
              Capability.REQUEST_REPLY,
              Capability.SEQUENCES,
              Capability.MAX_DELIVERIES));
  private static final RedisCodec<String, byte[]> CODEC =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final StatefulRedisConnection<String, byte[]> connection;
  private final RedisContext context;
  private final StreamPublisher publisher;
  private final AtomicReference<ConnectionState> state =
      new AtomicReference<>(ConnectionState.CONNECTED);
  private final CopyOnWriteArrayList<StreamSubscription> subscriptions =
      new CopyOnWriteArrayList<>();

  private RedisBroker(
      String url, StatefulRedisConnection<String, byte[]> connection, RedisContext context) {
    super(url, CAPABILITIES);
    this.connection = connection;
    this.context = context;
    this.publisher = new StreamPublisher(context.commands(), context.settings(), context.keys());
  }

  /** Connects and subscribes to this broker's reply channel. */
  public static RedisBroker connect(BrokerSpec spec, RedisSettings settings) {
    RedisClient client = RedisClient.create(RedisURI.create(spec.url()));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sluice-redis-timer").factory());
    try {
      StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
      StreamKeys keys = new StreamKeys(settings.keyPrefix());
      Replies replies =
          Replies.open(client, CODEC, connection.async(), timer, settings.keyPrefix());
      RedisContext context =
          new RedisContext(client, CODEC, connection.async(), settings, keys, replies, timer);
      return new RedisBroker(spec.redactedUrl(), connection, context);
    } catch (RuntimeException e) {
      timer.shutdownNow();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      throw new BrokerUnavailableException(
          "cannot connect to Redis at " + spec.redactedUrl() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, AckMode ackMode) {
    checkPublish(subject, event, ackMode);
    if (!isOpen()) {
      return CompletableFuture.failedFuture(closed());
    }
    return publisher.publish(subject, event, ackMode, Map.of());
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    checkSubscribe(pattern, options, handler);
    if (!isOpen()) {
      throw closed();
    }
    try {
      StreamSubscription subscription =
          new StreamSubscription(context, pattern, options, handler).start();
      subscriptions.add(subscription);
      return subscription;
    } catch (RuntimeException e) {
      throw new BrokerUnavailableException(
          "subscribing to '" + pattern + "' failed: " + e.getMessage(), e);
    }
  }

  @Override
  public CompletionStage<CloudEvent> request(
      Subject subject, CloudEvent request, Duration timeout) {
    checkRequest(subject, request, timeout);
    if (!isOpen()) {
      return CompletableFuture.failedFuture(closed());
    }
    Replies.Pending pending = context.replies().expect(subject, timeout);
    publisher
        .publish(subject, request, AckMode.FIRE_AND_FORGET, pending.fields())
        .whenComplete(
            (receipt, error) -> {
              if (error != null) {
                context.replies().fail(pending.correlationId(), unwrap(error));
              }
            });
    return pending.reply();
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    return cause instanceof RuntimeException r
        ? r
        : new BrokerUnavailableException("failed", cause);
  }

  @Override
  public ConnectionState state() {
    ConnectionState now = state.get();
    if (now == ConnectionState.CONNECTED && !connection.isOpen()) {
      return ConnectionState.RECONNECTING;
    }
    return now;
  }

  private boolean isOpen() {
    return state.get() == ConnectionState.CONNECTED;
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
        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenRunAsync(this::close);
  }

  @Override
  public void close() {
    if (state.getAndSet(ConnectionState.CLOSED) == ConnectionState.CLOSED) {
      return;
    }
    subscriptions.forEach(StreamSubscription::close);
    context.replies().close();
    context.timer().shutdownNow();
    connection.close();
    context.client().shutdownAsync(0, 2, TimeUnit.SECONDS);
  }

  private BrokerClosedException closed() {
    return new BrokerClosedException("the Redis broker " + url() + " is closed");
  }
}
