package io.sluice.benchmarks.components;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sluice.gateway.identity.Authenticator;
import io.sluice.gateway.identity.Authenticators;
import io.sluice.gateway.identity.Credentials;
import io.sluice.gateway.identity.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys and tokens for the token benchmarks: a 2048-bit RSA key, a P-256 EC key and a 256-bit HMAC
 * secret, tokens shaped like an identity provider's (issuer, audience, subject, groups, a tenant
 * claim, a day to live), and the gateway's authenticator built from an {@code identity.jwt} section
 * whose {@code jwksFile} holds the two public keys.
 */
final class TokenFixture implements AutoCloseable {
  static final String ISSUER = "https://login.example.com/realms/acme";
  static final String AUDIENCE = "sluice";

  private final RSAKey rsa;
  private final ECKey ec;
  private final byte[] secret = new byte[32];
  private final Path jwksFile;

  TokenFixture() throws JOSEException, IOException {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).generate();
    new SecureRandom().nextBytes(secret);
    jwksFile = Files.createTempFile("sluice-bench-jwks", ".json");
    Files.writeString(
        jwksFile, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
  }

  /** The gateway's authenticator for this issuer, remembering at most {@code cacheEntries}. */
  Authenticator authenticator(int cacheEntries) {
    Map<String, Object> jwt =
        Map.of(
            "issuer", ISSUER,
            "audience", AUDIENCE,
            "jwksFile", jwksFile.toString(),
            "algorithms", List.of("RS256", "ES256"),
            "cache", Map.of("maxEntries", cacheEntries));
    List<String> problems = new ArrayList<>();
    Authenticator authenticator =
        Authenticators.fromConfig(Map.of("jwt", jwt), problems, Clock.systemUTC());
    if (authenticator == null) {
      throw new IllegalStateException("the benchmark identity section is invalid: " + problems);
    }
    return authenticator;
  }

  /** {@code count} distinct tokens (different {@code jti}) signed with {@code algorithm}. */
  String[] tokens(String algorithm, int count) throws JOSEException {
    String[] tokens = new String[count];
    for (int i = 0; i < count; i++) {
      tokens[i] = sign(algorithm, claims("token-" + i));
    }
    return tokens;
  }

  JWSVerifier verifier(String algorithm) throws JOSEException {
    return switch (algorithm) {
      case "RS256" -> new RSASSAVerifier(rsa.toPublicJWK());
      case "ES256" -> new ECDSAVerifier(ec.toPublicJWK());
      case "HS256" -> new MACVerifier(secret);
      default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
    };
  }

  static Credentials bearer(String token) {
    return new Credentials(Optional.of("Bearer " + token), Optional.empty(), List.of());
  }

  /** Verifies through the gateway; every benchmark path completes on the caller's thread. */
  static Identity authenticate(Authenticator authenticator, Credentials credentials) {
    return authenticator.authenticate(credentials).toCompletableFuture().join();
  }

  private String sign(String algorithm, JWTClaimsSet claims) throws JOSEException {
    JWSAlgorithm alg = JWSAlgorithm.parse(algorithm);
    JWSHeader header =
        new JWSHeader.Builder(alg).keyID(keyId(algorithm)).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    jwt.sign(signer(algorithm));
    return jwt.serialize();
  }

  private String keyId(String algorithm) {
    return switch (algorithm) {
      case "RS256" -> rsa.getKeyID();
      case "ES256" -> ec.getKeyID();
      default -> null;
    };
  }

  private JWSSigner signer(String algorithm) throws JOSEException {
    return switch (algorithm) {
      case "RS256" -> new RSASSASigner(rsa);
      case "ES256" -> new ECDSASigner(ec);
      case "HS256" -> new MACSigner(secret);
      default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
    };
  }

  private static JWTClaimsSet claims(String jti) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("alice")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(1, ChronoUnit.DAYS)))
        .jwtID(jti)
        .claim("groups", List.of("writers", "readers"))
        .claim("tenant", "acme")
        .build();
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(jwksFile);
  }
}
