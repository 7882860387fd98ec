package io.sluice.library;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how late a transient failure is tried again: exponential backoff doubling from
 * {@code initialDelay} up to {@code maxDelay}, with optional jitter.
 *
 * @param maxAttempts total attempts including the first; 1 means no retry
 * @param initialDelay the delay before the second attempt
 * @param maxDelay the cap on any delay
 * @param jitter a fraction in [0, 1]: each delay is drawn from {@code delay * (1 ± jitter)}
 * @param classifier which failures are transient
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialDelay,
    Duration maxDelay,
    double jitter,
    FailureClassifier classifier) {

  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(classifier, "classifier");
    List<String> problems = new ArrayList<>();
    if (maxAttempts < 1) {
      problems.add("maxAttempts must be >= 1 but was " + maxAttempts);
    }
    if (initialDelay.isNegative()) {
      problems.add("initialDelay must be >= 0 but was " + initialDelay);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      problems.add("maxDelay must be >= initialDelay (" + initialDelay + ") but was " + maxDelay);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      problems.add("jitter must be between 0 and 1 but was " + jitter);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /**
   * Exponential backoff without jitter, with the {@link FailureClassifier#standard()} classifier.
   */
  public static RetryPolicy exponential(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, 0.0, FailureClassifier.standard());
  }

  /** One attempt, no retry. */
  public static RetryPolicy none() {
    return exponential(1, Duration.ZERO, Duration.ZERO);
  }

  public RetryPolicy withJitter(double jitter) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, jitter, classifier);
  }

  public RetryPolicy withClassifier(FailureClassifier classifier) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, jitter, classifier);
  }

  /** True when a failure of attempt {@code attempt} (1-based) should be tried again. */
  public boolean shouldRetry(int attempt, Throwable failure) {
    return attempt < maxAttempts && classifier.isTransient(failure);
  }

  /** The delay before attempt {@code attempt + 1}, after attempt {@code attempt} failed. */
  public Duration delayAfter(int attempt) {
    double base = initialDelay.toNanos() * Math.pow(2, Math.max(0, attempt - 1));
    double capped = Math.min(base, maxDelay.toNanos());
    double factor =
        jitter == 0 ? 1 : 1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
    return Duration.ofNanos((long) Math.min(capped * factor, maxDelay.toNanos()));
  }
}
