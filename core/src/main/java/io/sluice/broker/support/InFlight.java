package io.sluice.broker.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Counts deliveries inside a handler so a drain can wait until none is left. */
public final class InFlight {
  private int busy;
  private final List<CompletableFuture<Void>> waiters = new ArrayList<>();

  public synchronized void enter() {
    busy++;
  }

  public synchronized void exit() {
    busy--;
    if (busy == 0) {
      waiters.forEach(w -> w.complete(null));
      waiters.clear();
    }
  }

  /** Completes once no delivery is inside the handler. */
  public synchronized CompletableFuture<Void> whenIdle() {
    if (busy == 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> waiter = new CompletableFuture<>();
    waiters.add(waiter);
    return waiter;
  }
}
