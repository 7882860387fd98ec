package io.sluice.embedded;

import java.util.concurrent.ScheduledFuture;

/**
 * An unsettled event in a group's window: waiting to be delivered, in flight with a member, or
 * waiting out a nack delay. Guarded by the group's lock.
 */
final class Pending {
  enum State {
    READY,
    IN_FLIGHT,
    DELAYED
  }

  final StoredEvent event;
  final String orderingKey;
  State state = State.READY;
  int deliveries;
  int attempt;
  long dueNanos;
  Member member;
  int maxDeliveries;
  ScheduledFuture<?> ackTimer;

  Pending(StoredEvent event, int deliveries) {
    this.event = event;
    this.orderingKey = event.orderingKey();
    this.deliveries = deliveries;
  }

  long sequence() {
    return event.sequence();
  }

  boolean isDue(long nowNanos) {
    return state == State.READY || state == State.DELAYED && nowNanos - dueNanos >= 0;
  }

  /** True when no further delivery is allowed. */
  boolean exhausted() {
    return maxDeliveries > 0 && deliveries >= maxDeliveries;
  }

  void cancelAckTimer() {
    if (ackTimer != null) {
      ackTimer.cancel(false);
      ackTimer = null;
    }
  }
}
