package io.sluice.redis.internal;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.GuardedHandler;
import io.sluice.broker.support.InFlight;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription: a thread with its own connection (XREAD and XREADGROUP block) that finds the
 * streams the pattern matches, reads them and hands entries to the handler one at a time, at most
 * maxInFlight unsettled. A wildcard pattern is matched against stream keys with SCAN when
 * subscribing and again every scanInterval, so streams created later are picked up.
 */
final class StreamSubscription implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(StreamSubscription.class);
  private static final Duration BLOCK = Duration.ofMillis(100);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

  private final RedisContext context;
  private final SubjectPattern pattern;
  private final SubscribeOptions options;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final RedisCommands<String, byte[]> redis;
  private final StreamSource source;
  private final GuardedHandler handler;
  private final Semaphore permits;
  private final InFlight inFlight = new InFlight();
  private final Set<RedisDelivery> unsettled = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean active = new AtomicBoolean(true);
  private volatile Thread reader;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final AtomicBoolean warnedOnce = new AtomicBoolean();
  private boolean failing;
  private long nextScan;

  StreamSubscription(
      RedisContext context,
      SubjectPattern pattern,
      SubscribeOptions options,
      DeliveryHandler handler) {
    this.context = context;
    this.pattern = pattern;
    this.options = options;
    this.connection = context.client().connect(context.codec());
    this.redis = connection.sync();
    this.source =
        options.group() == null
            ? new PrivateStreams(redis, options.start())
            : new GroupStreams(
                redis,
                context.commands(),
                context.timer(),
                options.group(),
                options.start(),
                options.ackWait(),
                context.settings().claimInterval());
    this.handler = new GuardedHandler(handler, pattern, "acknowledging it");
    this.permits = new Semaphore(options.maxInFlight());
  }

  /** Finds the streams that exist now and starts the reading thread. */
  StreamSubscription start() {
    try {
      discover(true);
    } catch (RuntimeException e) {
      if (connection.isOpen()) {
        connection.close();
      }
      throw e;
    }
    reader = Thread.ofPlatform().daemon().name("sluice-redis-" + pattern).start(this::run);
    return this;
  }

  private void discover(boolean subscribing) {
    nextScan = System.nanoTime() + context.settings().scanInterval().toNanos();
    if (!pattern.hasWildcards()) {
      String key = context.keys().key(Subject.of(pattern.value()));
      source.track(key, subscribing && redis.exists(key) > 0);
      return;
    }
    KeyScanArgs args = KeyScanArgs.Builder.matches(context.keys().glob(pattern)).limit(1000);
    args.type("stream");
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, args);
      for (String key : page.getKeys()) {
        if (context.keys().subject(key).filter(pattern::matches).isPresent()) {
          source.track(key, subscribing);
        }
      }
      cursor = page;
    } while (!cursor.isFinished());
  }

  private void run() {
    try {
      while (active.get()) {
        pollSurvivingFailures();
      }
    } finally {
      active.set(false);
      giveBackUnsettled();
      if (connection.isOpen()) {
        connection.close();
      }
      stopped.complete(null);
    }
  }

  /**
   * One poll; a failure (Redis restarting, the link down while Lettuce reconnects) is logged, WARN
   * once and DEBUG after, and the next poll follows a pause. Streams and groups are looked up
   * again, since a restarted Redis may have lost them.
   */
  private void pollSurvivingFailures() {
    try {
      poll();
      failing = false;
    } catch (RuntimeException e) {
      if (!active.get()) {
        return;
      }
      if (!failing && warnedOnce.compareAndSet(false, true)) {
        LOG.warn("reading '{}' failed, retrying: {}", pattern, e.toString());
      }
      LOG.debug("reading '{}' failed", pattern, e);
      failing = true;
      LockSupport.parkNanos(RETRY_PAUSE.toNanos());
      rediscover();
    }
  }

  private void rediscover() {
    try {
      source.forget();
      discover(false);
    } catch (RuntimeException e) {
      LOG.debug("looking up the streams of '{}' failed", pattern, e);
    }
  }

  private void poll() {
    if (pattern.hasWildcards() && System.nanoTime() - nextScan >= 0) {
      discover(false);
    }
    int room = permits.availablePermits();
    if (room == 0) {
      waitForRoom();
      return;
    }
    List<StreamEntry> entries = source.due(room);
    if (entries.isEmpty()) {
      entries = source.read(room, BLOCK);
    }
    for (StreamEntry entry : entries) {
      if (active.get()) {
        hand(entry);
      } else {
        source.giveBack(entry.key(), entry.id());
      }
    }
  }

  private void giveBackUnsettled() {
    try {
      for (RedisDelivery delivery : unsettled) {
        source.giveBack(delivery.key(), delivery.entryId());
      }
    } catch (RuntimeException e) {
      LOG.debug(
          "giving back unsettled entries of '{}' failed; they return after ackWait", pattern, e);
    }
  }

  private void waitForRoom() {
    try {
      if (permits.tryAcquire(BLOCK.toMillis(), TimeUnit.MILLISECONDS)) {
        permits.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      active.set(false);
    }
  }

  private void hand(StreamEntry entry) {
    Optional<Subject> subject = context.keys().subject(entry.key());
    CloudEvent event;
    try {
      event = StreamEventCodec.decode(entry.fields());
    } catch (RuntimeException e) {
      handler.undecodable(entry.key(), e);
      permits.acquireUninterruptibly();
      new RedisDelivery(this, entry, subject.orElseThrow(), null).term();
      return;
    }
    permits.acquireUninterruptibly();
    RedisDelivery delivery = new RedisDelivery(this, entry, subject.orElseThrow(), event);
    if (options.maxDeliveries() > 0 && entry.deliveryCount() > options.maxDeliveries()) {
      delivery.term();
      return;
    }
    try {
      delivery.expireAfter(
          context
              .timer()
              .schedule(delivery::expire, options.ackWait().toMillis(), TimeUnit.MILLISECONDS));
    } catch (RejectedExecutionException closing) {
      return;
    }
    unsettled.add(delivery);
    inFlight.enter();
    try {
      handler.deliver(delivery);
    } finally {
      inFlight.exit();
    }
  }

  void released(RedisDelivery delivery) {
    unsettled.remove(delivery);
    permits.release();
  }

  CompletionStage<Void> ack(RedisDelivery delivery) {
    return source.ack(delivery);
  }

  CompletionStage<Void> term(RedisDelivery delivery) {
    return source.term(delivery);
  }

  CompletionStage<Void> nack(RedisDelivery delivery, Duration delay) {
    if (usedUp(delivery)) {
      return source.term(delivery);
    }
    return source.nack(delivery, delay);
  }

  void expired(RedisDelivery delivery) {
    if (usedUp(delivery)) {
      source.term(delivery);
    } else {
      source.expired(delivery);
    }
  }

  private boolean usedUp(RedisDelivery delivery) {
    return options.maxDeliveries() > 0 && delivery.deliveryCount() >= options.maxDeliveries();
  }

  CompletionStage<Void> reply(String channel, String correlationId, CloudEvent reply) {
    return context.replies().send(channel, correlationId, reply);
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
    return active.get();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    active.set(false);
    return stopped
        .thenCompose(v -> inFlight.whenIdle())
        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops deliveries; waits briefly for the reader to give back what it holds. */
  @Override
  public void close() {
    active.set(false);
    if (Thread.currentThread() != reader) {
      try {
        stopped.get(BLOCK.toMillis() * 5, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.debug("reader of '{}' did not stop in time; it stops after its current read", pattern);
      }
    }
  }
}
