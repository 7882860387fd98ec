package io.sluice.broker.memory;

import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A member of a {@link Consumer}: runs its handler on its own virtual thread, one delivery at a
 * time in the order handed over, and counts its unsettled deliveries against {@code maxInFlight}.
 * Counters are guarded by the broker's lock; {@code active} is read without it.
 */
final class MemorySubscription implements Subscription {
  private final MemoryBroker broker;
  private final SubjectPattern pattern;
  private final SubscribeOptions options;
  private final DeliveryHandler handler;
  private final WarnThenDebugLogger failures =
      new WarnThenDebugLogger(LoggerFactory.getLogger(MemorySubscription.class));
  private volatile Consumer consumer;
  private volatile ExecutorService executor;
  private int inFlight;
  private boolean draining;
  private volatile boolean active = true;

  MemorySubscription(
      MemoryBroker broker,
      SubjectPattern pattern,
      SubscribeOptions options,
      DeliveryHandler handler) {
    this.broker = broker;
    this.pattern = pattern;
    this.options = options;
    this.handler = handler;
  }

  /** Joins a consumer; called once, under the broker's lock. */
  void attach(Consumer consumer) {
    this.consumer = consumer;
    this.executor =
        Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("sluice-mem-" + pattern + "-", 1).factory());
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
    broker.locked(() -> draining = true);
    CompletableFuture<Void> handled;
    try {
      handled = CompletableFuture.runAsync(() -> {}, executor);
    } catch (RejectedExecutionException alreadyClosed) {
      handled = CompletableFuture.completedFuture(null);
    }
    return handled
        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenRun(this::close);
  }

  @Override
  public void close() {
    boolean wasActive =
        broker.locked(
            () -> {
              if (!active) {
                return false;
              }
              active = false;
              broker.detach(this, consumer);
              return true;
            });
    if (wasActive) {
      executor.shutdown();
    }
  }

  /** Stops at once without returning deliveries; the broker is closing. */
  void shutdown() {
    active = false;
    executor.shutdown();
  }

  MemoryBroker broker() {
    return broker;
  }

  Duration ackWait() {
    return options.ackWait();
  }

  int maxDeliveries() {
    return options.maxDeliveries();
  }

  boolean hasCapacity() {
    return active && !draining && inFlight < options.maxInFlight();
  }

  void taken() {
    inFlight++;
  }

  void released() {
    inFlight--;
  }

  /** Queues the delivery for the handler thread. */
  void hand(MemoryDelivery delivery) {
    try {
      executor.execute(() -> run(delivery));
    } catch (RejectedExecutionException closing) {
      // the subscription is closing; the delivery is taken back with its other in-flight work
    }
  }

  private void run(MemoryDelivery delivery) {
    if (!active) {
      return;
    }
    try {
      handler.onDelivery(delivery);
    } catch (Exception | AssertionError | LinkageError failure) {
      failures.log(
          "handler of "
              + consumer
              + " failed on event "
              + delivery.event().id()
              + " (delivery "
              + delivery.deliveryCount()
              + "); nacked for redelivery",
          failure);
      delivery.nack(Duration.ZERO);
    }
  }

  @Override
  public String toString() {
    return "MemorySubscription{pattern=" + pattern + ", group=" + options.group() + "}";
  }
}
