package io.sluice.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;

/** Real keys and real signatures for tests. */
final class Tokens {
  static final String ISSUER = "https://login.example.test/realms/acme";
  static final String AUDIENCE = "sluice";

  private Tokens() {}

  static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims that pass every check at {@code now}. */
  static JWTClaimsSet.Builder valid(Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(List.of(AUDIENCE))
        .subject("alice")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("tenant", "acme")
        .claim("groups", List.of("writers"));
  }

  static String sign(JWK key, JWTClaimsSet claims) {
    return sign(key, claims, h -> h);
  }

  static String sign(JWK key, JWTClaimsSet claims, UnaryOperator<JWSHeader.Builder> header) {
    JWSAlgorithm alg = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
    JWSHeader h = header.apply(new JWSHeader.Builder(alg).keyID(key.getKeyID())).build();
    return sign(h, claims, signer(key));
  }

  static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  static JWSSigner signer(JWK key) {
    try {
      return key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  static Credentials bearer(String token) {
    return new Credentials(Optional.of("Bearer " + token), Optional.empty(), List.of());
  }

  static Credentials apiKey(String key) {
    return new Credentials(Optional.empty(), Optional.of(key), List.of());
  }

  static Identity accepted(Authenticator authenticator, Credentials credentials) {
    CompletableFuture<Identity> f = authenticator.authenticate(credentials).toCompletableFuture();
    await().atMost(Duration.ofSeconds(10)).until(f::isDone);
    return f.join();
  }

  /** The rejection of {@code credentials}; fails the test when they were accepted. */
  static AuthenticationException rejected(Authenticator authenticator, Credentials credentials) {
    CompletableFuture<Identity> f = authenticator.authenticate(credentials).toCompletableFuture();
    await().atMost(Duration.ofSeconds(10)).until(f::isDone);
    Throwable error = f.handle((id, e) -> e).join();
    if (error instanceof CompletionException && error.getCause() != null) {
      error = error.getCause();
    }
    assertThat(error).as("authentication should fail").isInstanceOf(AuthenticationException.class);
    return (AuthenticationException) error;
  }
}
