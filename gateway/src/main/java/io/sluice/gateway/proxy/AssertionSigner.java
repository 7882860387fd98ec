package io.sluice.gateway.proxy;

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
import io.sluice.gateway.identity.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints the short-lived ES256 {@code Sluice-Assertion} JWT that tells an upstream who called,
 * signed with a key generated at start. Upstreams verify it with the public key set served at
 * {@code /.well-known/jwks.json}.
 */
final class AssertionSigner {
  static final String ISSUER = "sluice-gateway";

  private final ECKey key;
  private final ECDSASigner signer;
  private final Duration ttl;
  private final Clock clock;

  private AssertionSigner(ECKey key, Duration ttl, Clock clock) throws JOSEException {
    this.key = key;
    this.signer = new ECDSASigner(key);
    this.ttl = ttl;
    this.clock = clock;
  }

  static AssertionSigner generate(Duration ttl, Clock clock) {
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .generate();
      return new AssertionSigner(key, ttl, clock);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not generate the assertion signing key", e);
    }
  }

  /** The assertion for one call: who, through which route, valid for the configured ttl. */
  String mint(Identity identity, String route, String requestId) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(identity.id())
            .audience(route)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(requestId)
            .claim("sluice_auth_type", identity.type())
            .claim("sluice_auth_issuer", identity.issuer())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign an assertion", e);
    }
    return jwt.serialize();
  }

  /** The public key set, as served at {@code /.well-known/jwks.json}. */
  String jwksJson() {
    return new JWKSet(key.toPublicJWK()).toString();
  }
}
