package io.sluice.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were already checked, each until it expires, so the hot path
 * does not verify the same token twice. Keyed by the token's SHA-256, so raw tokens are not kept
 * and an entry costs the same for any token size. Bounded: when full, expired entries go first,
 * then arbitrary ones. With {@code maxEntries} 0 it remembers nothing: every token is verified.
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
    if (maxEntries == 0) {
      return null;
    }
    String key = keyOf(token);
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (nowEpochSecond >= e.validUntilEpochSecond()) {
      entries.remove(key, e);
      return null;
    }
    return e.identity();
  }

  void put(String token, Identity identity, long validUntilEpochSecond, long nowEpochSecond) {
    if (maxEntries == 0) {
      return;
    }
    if (entries.size() >= maxEntries) {
      evict(nowEpochSecond);
    }
    entries.put(keyOf(token), new Entry(identity, validUntilEpochSecond));
  }

  /** The SHA-256 of the token as a 32-character string (one char per byte). */
  private static String keyOf(String token) {
    return new String(ApiKeys.digest(token), StandardCharsets.ISO_8859_1);
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
