package io.sluice.gateway.identity;

import static io.sluice.gateway.identity.Tokens.accepted;
import static io.sluice.gateway.identity.Tokens.bearer;
import static io.sluice.gateway.identity.Tokens.rejected;
import static io.sluice.gateway.identity.Tokens.sign;
import static io.sluice.gateway.identity.Tokens.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys fetched over real HTTP: by URL, by discovery, and refetched when they rotate. */
class RemoteKeysTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final ManualClock clock = new ManualClock(NOW);
  private final ECKey first = Tokens.ec("key-1");
  private final ECKey second = Tokens.ec("key-2");
  private KeyServer server;

  @BeforeEach
  void start() throws Exception {
    server = new KeyServer();
    server.publish(new JWKSet(first.toPublicJWK()).toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void jwksUrl_firstRequestWaitsForTheInitialFetch() {
    Authenticator auth = authenticator(Map.of("jwksUrl", server.baseUrl() + "/certs"));

    Identity identity = accepted(auth, bearer(sign(first, valid(NOW).build())));

    assertThat(identity.id()).isEqualTo("alice");
    assertThat(server.jwksHits()).isEqualTo(1);
  }

  @Test
  void rotatedKey_isFoundByARefetchOnceTheIntervalHasPassed() {
    Authenticator auth = authenticator(Map.of("jwksUrl", server.baseUrl() + "/certs"));
    accepted(auth, bearer(sign(first, valid(NOW).build())));
    server.publish(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())).toString());
    String rotated = sign(second, valid(NOW).build());

    AuthenticationException tooSoon = rejected(auth, bearer(rotated));
    int hitsWhileRateLimited = server.jwksHits();
    clock.advance(Duration.ofSeconds(31));
    Identity identity = accepted(auth, bearer(rotated));

    assertThat(tooSoon.rule()).isEqualTo("unknown-kid");
    assertThat(hitsWhileRateLimited).isEqualTo(1);
    assertThat(identity.id()).isEqualTo("alice");
    assertThat(server.jwksHits()).isEqualTo(2);
  }

  @Test
  void madeUpKids_triggerAtMostOneRefetchPerInterval() {
    Authenticator auth = authenticator(Map.of("jwksUrl", server.baseUrl() + "/certs"));
    accepted(auth, bearer(sign(first, valid(NOW).build())));
    clock.advance(Duration.ofSeconds(31));

    for (int i = 0; i < 5; i++) {
      ECKey stranger = new ECKey.Builder(first).keyID("made-up-" + i).build();
      assertThat(rejected(auth, bearer(sign(stranger, valid(NOW).build()))).rule())
          .isEqualTo("unknown-kid");
    }

    assertThat(server.jwksHits()).isEqualTo(2);
  }

  @Test
  void discovery_findsTheKeysThroughTheIssuersDocument() {
    List<String> problems = new ArrayList<>();
    Map<String, Object> jwt =
        Map.of("issuer", server.baseUrl(), "audience", "sluice", "discovery", true);
    Authenticator auth = Authenticators.fromConfig(Map.of("jwt", jwt), problems, clock);
    String token = sign(first, valid(NOW).issuer(server.baseUrl()).build());

    Identity identity = accepted(auth, bearer(token));

    assertThat(problems).isEmpty();
    assertThat(identity.issuer()).isEqualTo(server.baseUrl());
    assertThat(server.discoveryHits()).isEqualTo(1);
  }

  @Test
  void discoveryDocumentNamingAnotherIssuer_isNotTrusted() {
    List<String> problems = new ArrayList<>();
    String claimedIssuer = server.baseUrl() + "/realms/other";
    Map<String, Object> jwt =
        Map.of(
            "issuer",
            claimedIssuer,
            "audience",
            "sluice",
            "discovery",
            server.baseUrl() + "/.well-known/openid-configuration");
    Authenticator auth = Authenticators.fromConfig(Map.of("jwt", jwt), problems, clock);
    String token = sign(first, valid(NOW).issuer(claimedIssuer).build());

    AuthenticationException e = rejected(auth, bearer(token));

    assertThat(problems).isEmpty();
    assertThat(e.rule()).isEqualTo("keys-unavailable");
    assertThat(server.jwksHits()).isZero();
  }

  @Test
  void concurrentTokensWithANewKid_shareOneRefetch() {
    Authenticator auth = authenticator(Map.of("jwksUrl", server.baseUrl() + "/certs"));
    accepted(auth, bearer(sign(first, valid(NOW).build())));
    server.publish(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())).toString());
    clock.advance(Duration.ofSeconds(31));

    List<java.util.concurrent.CompletableFuture<Identity>> pending = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String token = sign(second, valid(NOW).subject("user-" + i).build());
      pending.add(auth.authenticate(bearer(token)).toCompletableFuture());
    }

    assertThat(pending.stream().map(java.util.concurrent.CompletableFuture::join).map(Identity::id))
        .hasSize(20)
        .doesNotHaveDuplicates();
    assertThat(server.jwksHits()).isEqualTo(2);
  }

  @Test
  void jwksWithAnEncryptionKey_usesOnlyTheSigningKey() {
    RSAKey sig = Tokens.rsa("shared-kid");
    RSAKey enc = new RSAKey.Builder(Tokens.rsa("shared-kid")).keyUse(KeyUse.ENCRYPTION).build();
    server.publish(new JWKSet(List.of(enc.toPublicJWK(), sig.toPublicJWK())).toString());
    Authenticator auth = authenticator(Map.of("jwksUrl", server.baseUrl() + "/certs"));
    JwtAuthenticator jwt = ((CredentialRouter) auth).jwt();

    Identity identity = accepted(auth, bearer(sign(sig, valid(NOW).build())));
    AuthenticationException byEnc = rejected(auth, bearer(sign(enc, valid(NOW).build())));

    assertThat(identity.id()).isEqualTo("alice");
    assertThat(byEnc.rule()).isEqualTo("bad-signature");
    assertThat(jwt.signatureChecks()).as("the encryption key is never tried").isEqualTo(2);
  }

  @Test
  void unreachableKeyServer_rejectsAsKeysUnavailable() {
    String url = server.baseUrl() + "/certs";
    server.close();
    Authenticator auth = authenticator(Map.of("jwksUrl", url));

    assertThat(rejected(auth, bearer(sign(first, valid(NOW).build()))).rule())
        .isEqualTo("keys-unavailable");
  }

  private Authenticator authenticator(Map<String, Object> keySource) {
    Map<String, Object> jwt = new java.util.HashMap<>(keySource);
    jwt.put("issuer", Tokens.ISSUER);
    jwt.put("audience", "sluice");
    List<String> problems = new ArrayList<>();
    Authenticator auth = Authenticators.fromConfig(Map.of("jwt", jwt), problems, clock);
    assertThat(problems).isEmpty();
    return auth;
  }
}
