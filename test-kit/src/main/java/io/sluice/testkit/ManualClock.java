package io.sluice.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when a test moves it. Thread-safe; copies made with {@link
 * #withZone} share the same time.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock standing at {@code start}, in UTC. */
  public static ManualClock at(Instant start) {
    Objects.requireNonNull(start, "start");
    return new ManualClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /** A clock standing at the current system time, in UTC. */
  public static ManualClock startingNow() {
    return at(Instant.now());
  }

  /** Moves the clock forward (or back, for a negative amount) and returns the new time. */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    return now.updateAndGet(t -> t.plus(amount));
  }

  /** Sets the clock to {@code time}. */
  public void set(Instant time) {
    now.set(Objects.requireNonNull(time, "time"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ManualClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public String toString() {
    return "ManualClock{" + now.get() + ", " + zone + "}";
  }
}
