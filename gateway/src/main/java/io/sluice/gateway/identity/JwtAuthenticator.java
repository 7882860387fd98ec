package io.sluice.gateway.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * Verifies bearer tokens: cheap checks first (size, shape, algorithm, {@code crit}), then a cache
 * of tokens already verified, then key selection, signature, and claims. Only an unknown key id
 * leaves the caller's thread, to refetch the key set.
 */
final class JwtAuthenticator {
  private final JwtSettings settings;
  private final JwksKeys keys;
  private final Clock clock;
  private final VerifiedTokenCache cache;
  private final LongAdder signatureChecks = new LongAdder();
  private final String identityType;

  /**
   * @param identityType {@code jwt}, or {@code dev} for development tokens
   */
  JwtAuthenticator(JwtSettings settings, JwksKeys keys, Clock clock, String identityType) {
    this.identityType = identityType;
    this.settings = settings;
    this.keys = keys;
    this.clock = clock;
    this.cache = new VerifiedTokenCache(settings.cacheMaxEntries());
  }

  CompletionStage<Identity> authenticate(String token) {
    try {
      ParsedToken.checkSize(token, settings.maxTokenBytes());
      Identity cached = cache.get(token, now());
      if (cached != null) {
        return CompletableFuture.completedFuture(cached);
      }
      return withKeys(ParsedToken.parse(token, settings.maxTokenBytes(), settings.algorithms()));
    } catch (AuthenticationException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** How many signature verifications ran; a cache hit runs none. */
  long signatureChecks() {
    return signatureChecks.sum();
  }

  private CompletionStage<Identity> withKeys(ParsedToken token) {
    JWKSet set = keys.current();
    if (set == null) {
      return settle(keys.loaded().exceptionally(JwtAuthenticator::keysUnavailable), token);
    }
    List<JWK> candidates = SigningKeys.candidates(set, token.header());
    if (candidates.isEmpty() && token.header().getKeyID() != null) {
      return keys.refetch()
          .map(f -> settle(f.exceptionally(e -> set), token))
          .orElseGet(() -> CompletableFuture.failedFuture(unknownKey()));
    }
    return CompletableFuture.completedFuture(verify(token, candidates));
  }

  private CompletionStage<Identity> settle(CompletableFuture<JWKSet> keySet, ParsedToken token) {
    CompletableFuture<Identity> result = new CompletableFuture<>();
    keySet.whenComplete(
        (set, error) -> {
          try {
            if (error != null) {
              throw unwrap(error);
            }
            result.complete(verify(token, SigningKeys.candidates(set, token.header())));
          } catch (AuthenticationException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  private Identity verify(ParsedToken token, List<JWK> candidates) {
    if (candidates.isEmpty()) {
      throw unknownKey();
    }
    for (JWK key : candidates) {
      signatureChecks.increment();
      if (SigningKeys.verifies(token.jwt(), key)) {
        return accept(token);
      }
    }
    throw new AuthenticationException("bad-signature", "the token signature does not verify");
  }

  private Identity accept(ParsedToken token) {
    JWTClaimsSet claims = claimsOf(token);
    long now = now();
    TokenClaims.check(claims, settings, now);
    Identity identity = TokenClaims.identity(claims, settings.groupsClaim(), identityType);
    long validUntil = identity.expiresAtEpochSecond() + settings.clockSkew().toSeconds();
    cache.put(token.raw(), identity, validUntil, now);
    return identity;
  }

  private static JWTClaimsSet claimsOf(ParsedToken token) {
    try {
      return token.jwt().getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AuthenticationException("malformed", "the token payload is not a JSON object");
    }
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private static AuthenticationException unknownKey() {
    return new AuthenticationException(
        "unknown-kid", "no signing key of the issuer matches the token's key id and algorithm");
  }

  private static JWKSet keysUnavailable(Throwable error) {
    throw new AuthenticationException(
        "keys-unavailable", "the issuer's signing keys could not be loaded; try again later");
  }

  private static AuthenticationException unwrap(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof AuthenticationException e) {
      return e;
    }
    return new AuthenticationException(
        "keys-unavailable", "the issuer's signing keys are unavailable");
  }
}
