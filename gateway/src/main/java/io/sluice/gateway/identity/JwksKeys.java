package io.sluice.gateway.identity;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's current key set. Loads once at start; afterwards reloads only when a token names a
 * key id it does not know, and then at most once per refetch interval, so key rotation works
 * without a restart and a flood of made-up key ids cannot hammer the issuer.
 */
final class JwksKeys {
  private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);

  private final JwksLoader loader;
  private final Duration refetchInterval;
  private final Clock clock;
  private volatile JWKSet current;
  private CompletableFuture<JWKSet> inFlight;
  private Instant lastFetch;

  /** Starts loading at once unless {@code initial} is given. */
  JwksKeys(JwksLoader loader, Duration refetchInterval, Clock clock, JWKSet initial) {
    this.loader = loader;
    this.refetchInterval = refetchInterval;
    this.clock = clock;
    this.current = initial;
    if (initial == null) {
      synchronized (this) {
        fetch();
      }
    } else {
      this.lastFetch = clock.instant();
    }
  }

  /** The loaded key set, or null while the first load has not finished. */
  JWKSet current() {
    return current;
  }

  /** The first load (or a retry of it, rate-limited like any refetch). */
  synchronized CompletableFuture<JWKSet> loaded() {
    if (current != null) {
      return CompletableFuture.completedFuture(current);
    }
    return refetch()
        .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException("not loaded")));
  }

  /** A reload for an unknown key id; empty when the last one was too recent. */
  synchronized Optional<CompletableFuture<JWKSet>> refetch() {
    if (inFlight != null) {
      return Optional.of(inFlight);
    }
    if (lastFetch != null && clock.instant().isBefore(lastFetch.plus(refetchInterval))) {
      return Optional.empty();
    }
    return Optional.of(fetch());
  }

  private CompletableFuture<JWKSet> fetch() {
    lastFetch = clock.instant();
    CompletableFuture<JWKSet> f = loader.load();
    inFlight = f;
    f.whenComplete(this::fetched);
    return f;
  }

  private synchronized void fetched(JWKSet keys, Throwable error) {
    inFlight = null;
    if (keys != null) {
      current = keys;
      LOG.info("loaded {} keys from {}", keys.getKeys().size(), loader.describe());
    } else {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      LOG.warn("could not load signing keys from {}: {}", loader.describe(), cause.toString());
    }
  }
}
