package io.sluice.gateway.internal;

import io.sluice.gateway.config.GatewayConfig;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per identity. {@link #tryTake} answers 0 when the tokens were taken, or how many
 * seconds until they would be available. Idle buckets are dropped once the map grows large.
 */
final class RateLimiter {
  private static final int MAX_TRACKED = 100_000;

  private final double perNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(GatewayConfig.RateLimit limit, LongSupplier nanoTime) {
    this.perNano = limit.perSecond() / 1e9;
    this.burst = limit.burst();
    this.nanoTime = nanoTime;
  }

  long tryTake(String identityId, int tokens) {
    if (buckets.size() > MAX_TRACKED) {
      buckets.clear();
    }
    long now = nanoTime.getAsLong();
    return buckets.computeIfAbsent(identityId, k -> new Bucket(burst, now)).take(tokens, now);
  }

  private final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    /** A request for more than a full bucket waits for a full bucket and takes it all. */
    synchronized long take(int wanted, long now) {
      tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
      refilledAt = now;
      double need = Math.min(wanted, burst);
      if (tokens >= need) {
        tokens -= need;
        return 0;
      }
      double missing = need - tokens;
      return Math.max(1, (long) Math.ceil(missing / perNano / 1e9));
    }
  }
}
