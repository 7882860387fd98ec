package io.sluice.gateway.internal;

import java.util.concurrent.atomic.AtomicInteger;

/** Bounds the publishes awaiting a broker answer; a full gate answers 503. */
final class InFlightGate {
  private final int max;
  private final AtomicInteger inFlight = new AtomicInteger();

  InFlightGate(int max) {
    this.max = max;
  }

  boolean tryEnter() {
    while (true) {
      int now = inFlight.get();
      if (now >= max) {
        return false;
      }
      if (inFlight.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  void exit() {
    inFlight.decrementAndGet();
  }

  int current() {
    return inFlight.get();
  }
}
