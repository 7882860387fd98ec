package io.sluice.library.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Keys with their state and expiry in a concurrent map; expired entries are dropped when met. */
final class InMemoryProcessedKeyStore implements ProcessedKeyStore {
  private record Entry(boolean processed, Instant expiry) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Retention retention;
  private final Clock clock;

  InMemoryProcessedKeyStore(Retention retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public Claim claim(String key, Duration lease) {
    Instant now = clock.instant();
    Claim[] result = {Claim.ACQUIRED};
    entries.compute(
        key,
        (k, old) -> {
          if (old == null || !old.expiry().isAfter(now)) {
            return new Entry(false, now.plus(lease));
          }
          result[0] = old.processed() ? Claim.ALREADY_PROCESSED : Claim.IN_PROGRESS;
          return old;
        });
    if (entries.size() > 10_000) {
      entries.values().removeIf(e -> !e.expiry().isAfter(now));
    }
    return result[0];
  }

  @Override
  public void complete(String key) {
    entries.put(key, new Entry(true, clock.instant().plus(retention.duration())));
  }

  @Override
  public void release(String key) {
    entries.computeIfPresent(key, (k, old) -> old.processed() ? old : null);
  }

  @Override
  public boolean isProcessed(String key) {
    Entry entry = entries.get(key);
    return entry != null && entry.processed() && entry.expiry().isAfter(clock.instant());
  }
}
