package io.sluice.library;

import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link DeadLetters#redrive} works through a dead-letter subject.
 *
 * @param target subject every event goes to; null to use each event's {@code dlqsubject}
 * @param max events to take at most in one run; 0 for no limit
 * @param dryRun count what would be redriven, publish and acknowledge nothing
 * @param quietPeriod the run ends when no dead letter arrived for this long
 * @param group consumer group, so a second run on a durable broker resumes where the first ended;
 *     null for one derived from the dead-letter subject
 */
public record RedriveOptions(
    Subject target, int max, boolean dryRun, Duration quietPeriod, String group) {

  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(500);

  public RedriveOptions {
    Objects.requireNonNull(quietPeriod, "quietPeriod");
    if (max < 0) {
      throw new IllegalArgumentException("max must be >= 0 but was " + max);
    }
    if (quietPeriod.isNegative() || quietPeriod.isZero()) {
      throw new IllegalArgumentException("quietPeriod must be > 0 but was " + quietPeriod);
    }
  }

  /** Every event to its original subject, no limit, a short quiet period. */
  public static RedriveOptions defaults() {
    return new RedriveOptions(null, 0, false, DEFAULT_QUIET_PERIOD, null);
  }

  public Optional<Subject> targetSubject() {
    return Optional.ofNullable(target);
  }

  public RedriveOptions withTarget(Subject target) {
    return new RedriveOptions(target, max, dryRun, quietPeriod, group);
  }

  public RedriveOptions withMax(int max) {
    return new RedriveOptions(target, max, dryRun, quietPeriod, group);
  }

  public RedriveOptions withDryRun(boolean dryRun) {
    return new RedriveOptions(target, max, dryRun, quietPeriod, group);
  }

  public RedriveOptions withQuietPeriod(Duration quietPeriod) {
    return new RedriveOptions(target, max, dryRun, quietPeriod, group);
  }

  public RedriveOptions withGroup(String group) {
    return new RedriveOptions(target, max, dryRun, quietPeriod, group);
  }
}
