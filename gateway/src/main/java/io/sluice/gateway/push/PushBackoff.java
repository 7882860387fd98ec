package io.sluice.gateway.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff between attempts: {@code initial * multiplier^(attempt-1)}, capped at {@code
 * max}, then shortened by up to {@code jitter} (a fraction, 0 to 1) at random so that many failed
 * deliveries do not retry in step.
 */
public record PushBackoff(Duration initial, Duration max, double multiplier, double jitter) {
  public PushBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    List<String> problems = new ArrayList<>();
    if (initial.isNegative() || initial.isZero()) {
      problems.add("backoff.initial must be > 0 but was " + initial);
    }
    if (max.compareTo(initial) < 0) {
      problems.add("backoff.max must be >= backoff.initial (" + initial + ") but was " + max);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      problems.add("backoff.multiplier must be >= 1 but was " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      problems.add("backoff.jitter must be between 0 and 1 but was " + jitter);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** 1 s doubling up to 5 min, with 20 % jitter. */
  public static PushBackoff defaults() {
    return new PushBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.2);
  }

  /** The wait after failed attempt number {@code attempt} (1-based); {@code random} in [0, 1). */
  public Duration delay(int attempt, DoubleSupplier random) {
    double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, max.toMillis());
    double jittered = capped * (1.0 - jitter * random.getAsDouble());
    return Duration.ofMillis(Math.max(1, Math.round(jittered)));
  }
}
