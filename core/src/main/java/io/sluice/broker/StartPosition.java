package io.sluice.broker;

import java.time.Instant;
import java.util.Objects;

/** Where a new subscription starts reading; a durable group that exists resumes instead. */
public sealed interface StartPosition {

  /** Only events published after the subscription starts. */
  static StartPosition newOnly() {
    return NewOnly.INSTANCE;
  }

  /** Every event the broker still holds. */
  static StartPosition all() {
    return All.INSTANCE;
  }

  /** From a sequence (inclusive). */
  static StartPosition atSequence(long sequence) {
    return new AtSequence(sequence);
  }

  /** From the first event published at or after {@code time}. */
  static StartPosition atTime(Instant time) {
    return new AtTime(time);
  }

  /** See {@link #newOnly()}. */
  enum NewOnly implements StartPosition {
    INSTANCE
  }

  /** See {@link #all()}. */
  enum All implements StartPosition {
    INSTANCE
  }

  /** See {@link #atSequence(long)}. */
  record AtSequence(long sequence) implements StartPosition {
    public AtSequence {
      if (sequence < 1) {
        throw new IllegalArgumentException("sequence must be >= 1 but was " + sequence);
      }
    }
  }

  /** See {@link #atTime(Instant)}. */
  record AtTime(Instant time) implements StartPosition {
    public AtTime {
      Objects.requireNonNull(time, "time");
    }
  }
}
