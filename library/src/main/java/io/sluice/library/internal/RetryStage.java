package io.sluice.library.internal;

import io.sluice.library.EventValidationException;
import io.sluice.library.RetryPolicy;

/** Turns a transient failure into a retry while the policy allows another attempt. */
final class RetryStage implements Stage {
  private final Stage next;
  private final RetryPolicy policy;

  RetryStage(Stage next, RetryPolicy policy) {
    this.next = next;
    this.policy = policy;
  }

  @Override
  public Outcome apply(Attempt attempt) {
    Outcome outcome = next.apply(attempt);
    if (outcome instanceof Outcome.Failed failed
        && !(failed.cause() instanceof EventValidationException)
        && policy.shouldRetry(attempt.number(), failed.cause())) {
      return new Outcome.Retry(policy.delayAfter(attempt.number()), failed.cause());
    }
    return outcome;
  }
}
