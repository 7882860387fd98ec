package io.sluice.gateway.idempotency;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Remembers, per identity ({@code scope}) and key, the request hash and the response sent.
 * Implementations must be safe for concurrent use and must not block for long: the gateway calls
 * them on its event loop.
 */
public interface IdempotencyStore {

  /** A bounded in-memory store: at most {@code maxEntries} keys, each kept for {@code ttl}. */
  static IdempotencyStore inMemory(Duration ttl, int maxEntries, InstantSource clock) {
    return new InMemoryIdempotencyStore(ttl, maxEntries, clock);
  }

  /** Claims the key for a request whose content hashes to {@code requestHash}. */
  Claim claim(String scope, String key, String requestHash);

  /** Records the response for an acquired key; later identical requests replay it. */
  void complete(String scope, String key, StoredResponse response);

  /** Forgets an acquired key without a response (the attempt failed and may be retried). */
  void release(String scope, String key);
}
