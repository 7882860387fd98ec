package io.sluice.envelope;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/** Helpers for producing events: filling in the attributes a publisher may leave out. */
public final class CloudEvents {
  private CloudEvents() {}

  /**
   * Sets {@code id} from {@code ids} when absent or empty, and {@code time} from {@code clock} when
   * absent; attributes already set are kept. Returns the same builder.
   */
  public static CloudEvent.Builder ensureIdAndTime(
      CloudEvent.Builder builder, Supplier<String> ids, Clock clock) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(clock, "clock");
    if (builder.id().filter(id -> !id.isEmpty()).isEmpty()) {
      builder.id(Objects.requireNonNull(ids.get(), "the id supplier returned null"));
    }
    if (builder.time().isEmpty()) {
      builder.time(clock.instant());
    }
    return builder;
  }

  /** As {@link #ensureIdAndTime(CloudEvent.Builder, Supplier, Clock)} with random UUIDs and UTC. */
  public static CloudEvent.Builder ensureIdAndTime(CloudEvent.Builder builder) {
    return ensureIdAndTime(builder, randomIds(), Clock.systemUTC());
  }

  /** Random (version 4) UUIDs as strings. */
  public static Supplier<String> randomIds() {
    return () -> UUID.randomUUID().toString();
  }
}
