package io.sluice.nats.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fails JetStream acknowledgements that have not arrived within the timeout. One timer thread
 * checks every pending acknowledgement each tick (a tenth of the timeout, 10 to 250 ms), so a
 * publish costs a map entry rather than a scheduled task of its own, and the timer thread is not
 * woken once per publish. A late acknowledgement fails at most one tick after its deadline.
 */
final class AckDeadlines implements AutoCloseable {
  private static final long MIN_TICK_MILLIS = 10;
  private static final long MAX_TICK_MILLIS = 250;

  private final Map<CompletableFuture<?>, Long> deadlines = new ConcurrentHashMap<>();
  private final long timeoutNanos;
  private final ScheduledExecutorService timer;

  AckDeadlines(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    long tick = Math.clamp(timeout.toMillis() / 10, MIN_TICK_MILLIS, MAX_TICK_MILLIS);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sluice-nats-ack-deadlines").factory());
    timer.scheduleWithFixedDelay(this::expire, tick, tick, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the clock for {@code ack}; it fails with a {@link TimeoutException} when it runs out.
   */
  void watch(CompletableFuture<?> ack) {
    deadlines.put(ack, System.nanoTime() + timeoutNanos);
  }

  /** Stops the clock for an acknowledgement that has completed. */
  void forget(CompletableFuture<?> ack) {
    deadlines.remove(ack);
  }

  private void expire() {
    long now = System.nanoTime();
    deadlines.forEach(
        (ack, deadline) -> {
          if (now - deadline >= 0) {
            deadlines.remove(ack);
            ack.completeExceptionally(new TimeoutException("no acknowledgement in time"));
          }
        });
  }

  @Override
  public void close() {
    timer.shutdownNow();
    deadlines.clear();
  }
}
