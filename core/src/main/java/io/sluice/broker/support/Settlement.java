package io.sluice.broker.support;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a delivery is settled: the first ack, nack, term or ackWait expiry wins and cancels the
 * ackWait timer; every later one changes nothing. One per delivery.
 */
public final class Settlement {
  private static final CompletionStage<Void> NOTHING_TO_DO =
      CompletableFuture.completedFuture(null);

  private final AtomicBoolean settled = new AtomicBoolean();
  private volatile Future<?> expiry;

  /** The ackWait timer to cancel once the delivery is settled. */
  public void expireAfter(Future<?> expiry) {
    this.expiry = expiry;
  }

  /** True for the first caller only, which then settles the delivery; cancels the ackWait timer. */
  public boolean settle() {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    Future<?> timer = expiry;
    if (timer != null) {
      timer.cancel(false);
    }
    return true;
  }

  /** What a settlement that came too late returns: a completed stage. */
  public static CompletionStage<Void> alreadySettled() {
    return NOTHING_TO_DO;
  }

  /** The delay of a nack, checked: not null and not negative. */
  public static Duration nackDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("nack delay must be >= 0 but was " + delay);
    }
    return delay;
  }
}
