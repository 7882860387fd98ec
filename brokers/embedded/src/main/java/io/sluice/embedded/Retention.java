package io.sluice.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long the log keeps events: the oldest are removed once any limit is passed. A limit of zero
 * (or {@link Duration#ZERO}) means no limit. Retention ignores consumer positions, as JetStream's
 * limits policy does: a consumer that falls behind the oldest retained event resumes there.
 *
 * @param maxAge events older than this (by publish time) are removed
 * @param maxEvents at most this many events are kept
 * @param maxBytes the stored events take at most this many bytes
 */
public record Retention(Duration maxAge, long maxEvents, long maxBytes) {

  public Retention {
    Objects.requireNonNull(maxAge, "maxAge");
    List<String> problems = new ArrayList<>();
    if (maxAge.isNegative()) {
      problems.add("retention.maxAge must be >= 0 but was " + maxAge);
    }
    if (maxEvents < 0) {
      problems.add("retention.maxEvents must be >= 0 but was " + maxEvents);
    }
    if (maxBytes < 0) {
      problems.add("retention.maxBytes must be >= 0 but was " + maxBytes);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** Keeps everything until the disk is full. */
  public static Retention unlimited() {
    return new Retention(Duration.ZERO, 0, 0);
  }

  public boolean limitsAge() {
    return !maxAge.isZero();
  }
}
