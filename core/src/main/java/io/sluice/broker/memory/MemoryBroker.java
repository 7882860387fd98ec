package io.sluice.broker.memory;

import io.sluice.broker.AckMode;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerEvent.Outcome;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.NoRespondersException;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.AbstractBroker;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The in-memory broker. One lock guards the log, the de-duplication index and every consumer;
 * handlers and reply futures run outside it. Timers (ackWait, delayed nacks, request timeouts) run
 * on one scheduler thread and take the lock like any caller.
 */
final class MemoryBroker extends AbstractBroker {
  static final String STREAM = "mem";
  static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.complementOf(
              EnumSet.of(Capability.NATIVE_DEDUPLICATION, Capability.DURABLE_PUBLISH)));

  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final ScheduledThreadPoolExecutor timers;
  private final RetainedLog log;
  private final DedupIndex dedup;
  private final List<Consumer> privateConsumers = new ArrayList<>();
  private final Map<String, Consumer> groups = new HashMap<>();
  private final List<MemorySubscription> subscriptions = new ArrayList<>();
  private final Set<CompletableFuture<CloudEvent>> pendingRequests = ConcurrentHashMap.newKeySet();
  private long nextPosition = 1;
  private long nextSequence = 1;
  private volatile ConnectionState state = ConnectionState.CONNECTED;

  MemoryBroker(String url, MemorySettings settings, Clock clock) {
    super(url, CAPABILITIES);
    this.clock = clock;
    this.log = new RetainedLog(settings.maxRetained());
    this.dedup = new DedupIndex(settings.dedupWindow());
    this.timers =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("sluice-mem-timers").factory());
    this.timers.setRemoveOnCancelPolicy(true);
  }

  /**
   * Publishes at once. {@link AckMode#DURABLE} is accepted, but the event lives only in this
   * process's memory: it is gone when the process ends.
   */
  @Override
  public CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, AckMode ackMode) {
    checkPublish(subject, event, ackMode);
    return locked(
        () -> {
          if (state != ConnectionState.CONNECTED) {
            return CompletableFuture.failedFuture(closed("publish to '" + subject + "'"));
          }
          return CompletableFuture.completedFuture(append(subject, event, ackMode));
        });
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    checkSubscribe(pattern, options, handler);
    MemorySubscription subscription = new MemorySubscription(this, pattern, options, handler);
    locked(
        () -> {
          if (state != ConnectionState.CONNECTED) {
            throw closed("subscribe to '" + pattern + "'");
          }
          Consumer consumer = consumerFor(pattern, options);
          subscription.attach(consumer);
          subscriptions.add(subscription);
          consumer.addMember(subscription);
        });
    return subscription;
  }

  @Override
  public CompletionStage<CloudEvent> request(
      Subject subject, CloudEvent request, Duration timeout) {
    checkRequest(subject, request, timeout);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("request timeout must be > 0 but was " + timeout);
    }
    CompletableFuture<CloudEvent> reply = new CompletableFuture<>();
    RuntimeException refused = locked(() -> offerRequest(subject, request, reply));
    if (refused != null) {
      return CompletableFuture.failedFuture(refused);
    }
    ScheduledFuture<?> expiry =
        schedule(
            () -> reply.completeExceptionally(new RequestTimeoutException(subject, timeout)),
            timeout);
    if (expiry == null) {
      reply.completeExceptionally(closed("request on '" + subject + "'"));
      return reply.copy();
    }
    reply.whenComplete(
        (r, e) -> {
          pendingRequests.remove(reply);
          expiry.cancel(false);
        });
    return reply.copy();
  }

  @Override
  public ConnectionState state() {
    return state;
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    List<MemorySubscription> draining =
        locked(
            () -> {
              if (state == ConnectionState.CLOSED) {
                return List.<MemorySubscription>of();
              }
              state = ConnectionState.DRAINING;
              return List.copyOf(subscriptions);
            });
    CompletableFuture<?>[] drained =
        draining.stream()
            .map(s -> s.drain(timeout).toCompletableFuture())
            .toArray(n -> new CompletableFuture<?>[n]);
    return CompletableFuture.allOf(drained)
        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenRun(this::close);
  }

  @Override
  public void close() {
    List<MemorySubscription> open =
        locked(
            () -> {
              if (state == ConnectionState.CLOSED) {
                return List.<MemorySubscription>of();
              }
              state = ConnectionState.CLOSED;
              List<MemorySubscription> all = List.copyOf(subscriptions);
              subscriptions.clear();
              privateConsumers.clear();
              groups.clear();
              return all;
            });
    open.forEach(MemorySubscription::shutdown);
    for (CompletableFuture<CloudEvent> pending : List.copyOf(pendingRequests)) {
      pending.completeExceptionally(closed("request"));
    }
    timers.shutdownNow();
  }

  // ---- used by consumers, subscriptions and deliveries ----

  boolean isClosed() {
    return state == ConnectionState.CLOSED;
  }

  CompletionStage<Void> settle(
      Consumer consumer, MemoryDelivery d, Outcome outcome, Duration delay) {
    return locked(
        () -> {
          if (state == ConnectionState.CLOSED) {
            return CompletableFuture.<Void>failedFuture(closed("settling " + d));
          }
          consumer.settle(d, outcome, delay);
          return CompletableFuture.<Void>completedFuture(null);
        });
  }

  /** Removes a closed member; a private consumer goes with it, a group keeps its position. */
  void detach(MemorySubscription member, Consumer consumer) {
    subscriptions.remove(member);
    consumer.removeMember(member);
    if (consumer.group() == null) {
      privateConsumers.remove(consumer);
    }
  }

  /** Runs {@code task} under the lock after {@code delay}; null when the broker is closed. */
  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return timers.schedule(() -> locked(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      return null;
    }
  }

  void locked(Runnable task) {
    lock.lock();
    try {
      task.run();
    } finally {
      lock.unlock();
    }
  }

  <T> T locked(Supplier<T> task) {
    lock.lock();
    try {
      return task.get();
    } finally {
      lock.unlock();
    }
  }

  // ---- internals, under the lock ----

  private PublishReceipt append(Subject subject, CloudEvent event, AckMode ackMode) {
    Instant now = clock.instant();
    String key = event.extensionAsString(Extensions.IDEMPOTENCY_KEY).orElse(null);
    if (key != null) {
      OptionalLong original = dedup.original(key, now);
      if (original.isPresent()) {
        return receipt(subject, event, ackMode, original.getAsLong(), true);
      }
    }
    long sequence = nextSequence++;
    StoredEvent stored = StoredEvent.published(nextPosition++, sequence, subject, event, now);
    log.append(stored);
    if (key != null) {
      dedup.remember(key, sequence, now);
    }
    for (Consumer consumer : consumers()) {
      if (consumer.offer(stored)) {
        consumer.pump();
      }
    }
    return receipt(subject, event, ackMode, sequence, false);
  }

  private RuntimeException offerRequest(
      Subject subject, CloudEvent request, CompletableFuture<CloudEvent> reply) {
    if (state != ConnectionState.CONNECTED) {
      return closed("request on '" + subject + "'");
    }
    List<Consumer> responders =
        consumers().stream().filter(c -> c.hasMembers() && c.pattern().matches(subject)).toList();
    if (responders.isEmpty()) {
      return new NoRespondersException(subject);
    }
    StoredEvent stored =
        StoredEvent.request(nextPosition++, subject, request, clock.instant(), reply);
    pendingRequests.add(reply);
    for (Consumer consumer : responders) {
      consumer.offerRequest(stored);
      consumer.pump();
    }
    return null;
  }

  private Consumer consumerFor(SubjectPattern pattern, SubscribeOptions options) {
    if (options.group() == null) {
      Consumer consumer = newConsumer(null, pattern, options.start());
      privateConsumers.add(consumer);
      return consumer;
    }
    Consumer existing = groups.get(options.group());
    if (existing == null) {
      Consumer created = newConsumer(options.group(), pattern, options.start());
      groups.put(options.group(), created);
      return created;
    }
    if (!existing.pattern().equals(pattern)) {
      throw new IllegalArgumentException(
          "consumer group '"
              + options.group()
              + "' subscribes to '"
              + existing.pattern()
              + "'; a member cannot join it with '"
              + pattern
              + "'");
    }
    return existing;
  }

  private Consumer newConsumer(String group, SubjectPattern pattern, StartPosition start) {
    Consumer consumer = new Consumer(this, group, pattern, startingAt(start));
    log.snapshot().forEach(consumer::offer);
    return consumer;
  }

  private Predicate<StoredEvent> startingAt(StartPosition start) {
    long next = nextSequence;
    return switch (start) {
      case StartPosition.NewOnly n -> e -> e.sequence().getAsLong() >= next;
      case StartPosition.All a -> e -> true;
      case StartPosition.AtSequence s -> e -> e.sequence().getAsLong() >= s.sequence();
      case StartPosition.AtTime t -> e -> !e.publishedAt().isBefore(t.time());
    };
  }

  private List<Consumer> consumers() {
    List<Consumer> all = new ArrayList<>(privateConsumers);
    all.addAll(groups.values());
    return all;
  }

  private BrokerClosedException closed(String what) {
    return new BrokerClosedException(
        "cannot complete "
            + what
            + ": broker '"
            + url()
            + "' is "
            + state.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static PublishReceipt receipt(
      Subject subject, CloudEvent event, AckMode mode, long sequence, boolean duplicate) {
    return new PublishReceipt(
        subject,
        event.id(),
        mode,
        Optional.of(STREAM),
        OptionalInt.empty(),
        OptionalLong.of(sequence),
        duplicate);
  }
}
