package io.sluice.embedded;

import io.sluice.broker.Delivery;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription: a member of a {@link ConsumerGroup} with its own handler thread, which takes
 * deliveries from a queue and calls the handler one at a time, in order. A throwing handler has its
 * delivery nacked; the first failure of a subscription logs a warning, later ones debug.
 */
final class Member implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(Member.class);
  private static final Object STOP = new Object();
  private static final Object DRAINED = new Object();

  private final ConsumerGroup group;
  private final SubjectPattern pattern;
  private final SubscribeOptions options;
  private final DeliveryHandler handler;
  private final Consumer<Member> onClosed;
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicBoolean active = new AtomicBoolean(true);

  /** Unsettled deliveries; guarded by the group's lock. */
  int inFlight;

  /** False once draining or closed; guarded by the group's lock. */
  boolean feeding = true;

  Member(
      ConsumerGroup group,
      SubjectPattern pattern,
      SubscribeOptions options,
      DeliveryHandler handler,
      Consumer<Member> onClosed) {
    this.group = group;
    this.pattern = pattern;
    this.options = options;
    this.handler = handler;
    this.onClosed = onClosed;
  }

  void start() {
    Thread.ofVirtual().name("sluice-embedded-subscriber").start(this::run);
    group.join(this);
  }

  ConsumerGroup groupState() {
    return group;
  }

  SubscribeOptions options() {
    return options;
  }

  void enqueue(Delivery delivery) {
    if (active.get()) {
      queue.add(delivery);
    }
  }

  // Never interrupted: an interrupt during file I/O would close MVStore's file channel.
  private void run() {
    while (true) {
      Object next = take();
      if (next == STOP) {
        break;
      }
      if (next == DRAINED) {
        close();
        break;
      }
      if (active.get() && isOutstanding(next)) {
        handle((Delivery) next);
      }
    }
    stopped.complete(null);
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      return STOP;
    }
  }

  /** A delivery settled or superseded while it waited in the queue is not handed out. */
  private static boolean isOutstanding(Object next) {
    return !(next instanceof EmbeddedDelivery delivery) || delivery.isOutstanding();
  }

  private void handle(Delivery delivery) {
    try {
      handler.onDelivery(delivery);
    } catch (Exception | LinkageError | AssertionError e) {
      logFailure(delivery, e);
      delivery.nack(Duration.ZERO);
    }
  }

  private void logFailure(Delivery delivery, Throwable e) {
    String message = "handler of subscription '{}' failed on event {}; the delivery is nacked";
    if (failures.getAndIncrement() == 0) {
      LOG.warn(message, pattern, delivery.event().id(), e);
    } else {
      LOG.debug(message, pattern, delivery.event().id(), e);
    }
  }

  @Override
  public SubjectPattern pattern() {
    return pattern;
  }

  @Override
  public Optional<String> group() {
    return Optional.ofNullable(group.name());
  }

  @Override
  public boolean isActive() {
    return active.get();
  }

  /** Takes no new deliveries, finishes those already queued, then closes. */
  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    if (active.get()) {
      group.stopFeeding(this);
      queue.add(DRAINED);
    }
    return stopped
        .completeOnTimeout(null, timeout.toNanos(), TimeUnit.NANOSECONDS)
        .thenRun(this::close);
  }

  @Override
  public void close() {
    if (!active.compareAndSet(true, false)) {
      return;
    }
    group.stopFeeding(this);
    group.leave(this);
    queue.clear();
    queue.add(STOP);
    onClosed.accept(this);
  }
}
