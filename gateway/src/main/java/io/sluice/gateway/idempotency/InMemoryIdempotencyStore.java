package io.sluice.gateway.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Insertion-ordered map guarded by its own lock; oldest entries are evicted first. Entries are kept
 * in claim order and all share one TTL, so expiry scans stop at the first live entry.
 */
final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final Duration ttl;
  private final int maxEntries;
  private final InstantSource clock;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  InMemoryIdempotencyStore(Duration ttl, int maxEntries, InstantSource clock) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive but was " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1 but was " + maxEntries);
    }
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized Claim claim(String scope, String key, String requestHash) {
    Instant now = clock.instant();
    evictExpired(now);
    String id = id(scope, key);
    Entry existing = entries.get(id);
    if (existing == null) {
      makeRoom();
      entries.put(id, new Entry(requestHash, null, now.plus(ttl)));
      return new Claim.Acquired();
    }
    if (!existing.requestHash.equals(requestHash)) {
      return new Claim.Mismatch();
    }
    return existing.response == null ? new Claim.InProgress() : new Claim.Replay(existing.response);
  }

  @Override
  public synchronized void complete(String scope, String key, StoredResponse response) {
    entries.computeIfPresent(
        id(scope, key), (k, e) -> new Entry(e.requestHash, response, clock.instant().plus(ttl)));
  }

  @Override
  public synchronized void release(String scope, String key) {
    entries.remove(id(scope, key));
  }

  private void evictExpired(Instant now) {
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext() && it.next().getValue().expiresAt.isBefore(now)) {
      it.remove();
    }
  }

  private void makeRoom() {
    Iterator<String> it = entries.keySet().iterator();
    while (entries.size() >= maxEntries && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  private static String id(String scope, String key) {
    return scope.length() + ":" + scope + ":" + key;
  }

  private record Entry(String requestHash, StoredResponse response, Instant expiresAt) {}
}
