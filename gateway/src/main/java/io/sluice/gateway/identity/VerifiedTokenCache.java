package io.sluice.gateway.identity;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were already checked, each until it expires, so the hot path
 * does not verify the same token twice. Bounded: when full, expired entries go first, then
 * arbitrary ones.
 */
final class VerifiedTokenCache {
  private record Entry(Identity identity, long validUntilEpochSecond) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;

  VerifiedTokenCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** The identity for an exact token seen before and still valid at {@code now}, or null. */
  Identity get(String token, long nowEpochSecond) {
    Entry e = entries.get(token);
    if (e == null) {
      return null;
    }
    if (nowEpochSecond >= e.validUntilEpochSecond()) {
      entries.remove(token, e);
      return null;
    }
    return e.identity();
  }

  void put(String token, Identity identity, long validUntilEpochSecond, long nowEpochSecond) {
    if (entries.size() >= maxEntries) {
      evict(nowEpochSecond);
    }
    entries.put(token, new Entry(identity, validUntilEpochSecond));
  }

  int size() {
    return entries.size();
  }

  private void evict(long nowEpochSecond) {
    entries.values().removeIf(e -> nowEpochSecond >= e.validUntilEpochSecond());
    Iterator<String> it = entries.keySet().iterator();
    while (entries.size() >= maxEntries && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
