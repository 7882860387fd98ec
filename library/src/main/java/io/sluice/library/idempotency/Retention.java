package io.sluice.library.idempotency;

import java.time.Duration;
import java.util.Objects;

/** How long a processed key is remembered; positive. */
record Retention(Duration duration) {
  Retention {
    Objects.requireNonNull(duration, "retention");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("retention must be > 0 but was " + duration);
    }
  }

  static Retention of(Duration duration) {
    return new Retention(duration);
  }
}
