package io.sluice.gateway.proxy;

/**
 * Bounds retries on one route so that a failing upstream is not hit with a storm of them: every
 * request deposits a fifth of a retry, up to ten in reserve, starting full; a retry spends one.
 */
final class RetryBudget {
  private static final double PER_REQUEST = 0.2;
  private static final double MAX = 10;

  private double balance = MAX;

  synchronized void deposit() {
    balance = Math.min(MAX, balance + PER_REQUEST);
  }

  synchronized boolean trySpend() {
    if (balance < 1) {
      return false;
    }
    balance -= 1;
    return true;
  }
}
