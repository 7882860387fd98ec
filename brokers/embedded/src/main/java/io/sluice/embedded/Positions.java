package io.sluice.embedded;

import java.util.concurrent.CompletableFuture;

/**
 * Where a consumer stands in the log: the ack floor (every sequence at or below it is settled), the
 * sequences settled above the floor, and how often each unsettled sequence was delivered. Durable
 * groups keep this in the store; private subscriptions keep it in memory.
 */
interface Positions {

  long floor();

  boolean isSettled(long sequence);

  /** Records a settled sequence and the new floor. */
  void settle(long sequence, long floor);

  /** How often a sequence has been delivered so far (0 when never). */
  int deliveries(long sequence);

  void delivered(long sequence, int count);

  /** A stage that completes once the settlements made so far survive a crash. */
  CompletableFuture<Void> durable();

  /** The pattern the positions were taken for, to detect a changed subscription. */
  String pattern();

  /**
   * Restarts the positions for a new pattern. At the same floor the sequences settled above it stay
   * settled (an acked event is never delivered to the group again); at another floor they are
   * forgotten, as are delivery counts.
   */
  void restart(String pattern, long floor);
}
