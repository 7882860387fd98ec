package io.sluice.library.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Keys with their expiry in a concurrent map; expired keys are dropped as they are met. */
final class InMemoryProcessedKeyStore implements ProcessedKeyStore {
  private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();
  private final Retention retention;
  private final Clock clock;

  InMemoryProcessedKeyStore(Retention retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public boolean isProcessed(String key) {
    Instant expiry = expiries.get(key);
    if (expiry != null && !expiry.isAfter(clock.instant())) {
      expiries.remove(key, expiry);
      return false;
    }
    return expiry != null;
  }

  @Override
  public boolean markProcessed(String key) {
    Instant now = clock.instant();
    Instant expiry = now.plus(retention.duration());
    boolean[] added = {false};
    expiries.compute(
        key,
        (k, old) -> {
          added[0] = old == null || !old.isAfter(now);
          return added[0] ? expiry : old;
        });
    if (expiries.size() > 10_000) {
      expiries.values().removeIf(e -> !e.isAfter(now));
    }
    return added[0];
  }
}
