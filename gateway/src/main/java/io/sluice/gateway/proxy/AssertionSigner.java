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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints the short-lived ES256 {@code Sluice-Assertion} JWT that tells an upstream who called,
 * signed with a key generated at start or loaded from {@code proxy.assertion.keyFile}. Upstreams
 * verify it with the public key set served at {@code /.well-known/jwks.json}.
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

  /** Signs with the private P-256 JWK in {@code file}. */
  static AssertionSigner load(Path file, Duration ttl, Clock clock) {
    try {
      return new AssertionSigner(readKey(file), ttl, clock);
    } catch (JOSEException | IOException | ParseException e) {
      throw new IllegalStateException("could not load the assertion key " + file, e);
    }
  }

  /** Why {@code file} cannot sign assertions, or empty when it can. */
  static Optional<String> problemWith(Path file) {
    try {
      readKey(file);
      return Optional.empty();
    } catch (IOException | ParseException | IllegalArgumentException e) {
      return Optional.of("must hold a private P-256 JWK (" + e.getMessage() + ")");
    }
  }

  private static ECKey readKey(Path file) throws IOException, ParseException {
    ECKey key = ECKey.parse(Files.readString(file));
    if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve()) || key.getKeyID() == null) {
      throw new IllegalArgumentException("the key is public, has no kid, or is not on P-256");
    }
    return key;
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
