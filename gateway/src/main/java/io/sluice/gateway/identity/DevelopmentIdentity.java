package io.sluice.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An ephemeral ES256 signing key for development mode and tests: mints tokens with issuer {@code
 * sluice-dev} and audience {@code sluice}, and verifies them into identities of type {@code dev}.
 * The key lives only in this object.
 */
public final class DevelopmentIdentity {
  public static final String ISSUER = "sluice-dev";
  public static final String AUDIENCE = "sluice";

  private final Clock clock;
  private final ECKey key;
  private final Authenticator authenticator;

  private DevelopmentIdentity(Clock clock, ECKey key) {
    this.clock = clock;
    this.key = key;
    JwtSettings settings =
        new JwtSettings(
            ISSUER,
            List.of(AUDIENCE),
            Set.of(JWSAlgorithm.ES256),
            JwtConfig.DEFAULT_SKEW,
            "groups",
            JwtConfig.DEFAULT_MAX_TOKEN_BYTES,
            JwtConfig.DEFAULT_CACHE_ENTRIES,
            JwtConfig.DEFAULT_REFETCH);
    JWKSet publicKeys = new JWKSet(key.toPublicJWK());
    JwksKeys keys =
        new JwksKeys(JwksLoaders.fixed(publicKeys), settings.refetchInterval(), clock, publicKeys);
    this.authenticator =
        new CredentialRouter(new JwtAuthenticator(settings, keys, clock, "dev"), null, null);
  }

  public static DevelopmentIdentity create(Clock clock) {
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .keyID("dev-" + UUID.randomUUID().toString().substring(0, 8))
              .generate();
      return new DevelopmentIdentity(clock, key);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key on this JDK", e);
    }
  }

  /** Verifies tokens minted by {@link #mint} (bearer tokens only). */
  public Authenticator authenticator() {
    return authenticator;
  }

  /**
   * A signed JWT for {@code subject}, valid for {@code ttl}. {@code claims} are added as they are;
   * the registered claims {@code iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp} and
   * {@code jti} are always set by this method.
   */
  public String mint(String subject, Map<String, Object> claims, Duration ttl) {
    if (subject == null || subject.isBlank() || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException(
          "subject must be non-empty and ttl positive but were '" + subject + "' and " + ttl);
    }
    Instant now = clock.instant();
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
    claims.forEach(builder::claim);
    builder
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString());
    return sign(builder.build());
  }

  /** The public key set as JSON, to configure {@code identity.jwt.jwksFile} elsewhere. */
  public String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  private String sign(JWTClaimsSet claims) {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a development token", e);
    }
  }
}
