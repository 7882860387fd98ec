package io.sluice.gateway.identity;

import static io.sluice.gateway.identity.Tokens.ISSUER;
import static io.sluice.gateway.identity.Tokens.accepted;
import static io.sluice.gateway.identity.Tokens.b64;
import static io.sluice.gateway.identity.Tokens.bearer;
import static io.sluice.gateway.identity.Tokens.rejected;
import static io.sluice.gateway.identity.Tokens.sign;
import static io.sluice.gateway.identity.Tokens.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each token attack is rejected with its own rule; the keys come from a JWKS file. */
class JwtVerificationTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static RSAKey rsa;
  private static ECKey ec;
  private static RSAKey encryption;

  private ManualClock clock;
  private Authenticator authenticator;

  @TempDir Path dir;

  @BeforeAll
  static void keys() throws Exception {
    rsa = Tokens.rsa("rsa-1");
    ec = Tokens.ec("ec-1");
    encryption = new RSAKey.Builder(Tokens.rsa("enc-1")).keyUse(KeyUse.ENCRYPTION).build();
  }

  @BeforeEach
  void configure() throws Exception {
    clock = new ManualClock(NOW);
    Path jwks = dir.resolve("jwks.json");
    JWKSet set = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK(), encryption.toPublicJWK()));
    Files.writeString(jwks, set.toString());
    Map<String, Object> section =
        Map.of(
            "jwt",
            Map.of(
                "issuer", ISSUER,
                "audience", List.of("other", "sluice"),
                "jwksFile", jwks.toString(),
                "algorithms", List.of("RS256", "ES256"),
                "maxTokenBytes", 4096));
    List<String> problems = new ArrayList<>();
    authenticator = Authenticators.fromConfig(section, problems, clock);
    assertThat(problems).isEmpty();
  }

  @Test
  void rs256_validToken_yieldsIdentityWithClaimsAndGroups() {
    Identity identity = accepted(authenticator, bearer(sign(rsa, valid(NOW).build())));

    assertThat(identity.type()).isEqualTo("jwt");
    assertThat(identity.id()).isEqualTo("alice");
    assertThat(identity.issuer()).isEqualTo(ISSUER);
    assertThat(identity.claims()).containsEntry("tenant", "acme");
    assertThat(identity.groups()).containsExactly("writers");
    assertThat(identity.expiresAtEpochSecond()).isEqualTo(NOW.plusSeconds(300).getEpochSecond());
  }

  @Test
  void es256_validToken_isAccepted() {
    assertThat(accepted(authenticator, bearer(sign(ec, valid(NOW).build()))).id())
        .isEqualTo("alice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
  void unsignedToken_algNone_isRejected(String alg) {
    String token =
        b64("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}")
            + "."
            + b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"sluice\",\"sub\":\"mallory\"}")
            + ".";

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("alg-not-allowed");
  }

  @Test
  void algNone_withAStolenSignature_isRejected() {
    String signed = sign(rsa, valid(NOW).build());
    String forged = b64("{\"alg\":\"none\"}") + signed.substring(signed.indexOf('.'));

    assertThat(rejected(authenticator, bearer(forged)).rule()).isEqualTo("alg-not-allowed");
  }

  @Test
  void hmacSignedWithTheRsaPublicKeyAsSecret_isRejected() throws Exception {
    byte[] secret = rsa.toRSAPublicKey().getEncoded();
    String token =
        sign(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
            valid(NOW).build(),
            new MACSigner(secret));

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("alg-not-allowed");
  }

  @Test
  void expiredToken_isRejected_evenWithinTheClockSkewOnlyAfterIt() {
    String token =
        sign(rsa, valid(NOW).expirationTime(Date.from(NOW.minus(Duration.ofSeconds(31)))).build());

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("expired");
  }

  @Test
  void tokenExpiredWithinTheClockSkew_isStillAccepted() {
    String token =
        sign(rsa, valid(NOW).expirationTime(Date.from(NOW.minus(Duration.ofSeconds(10)))).build());

    assertThat(accepted(authenticator, bearer(token)).id()).isEqualTo("alice");
  }

  @Test
  void tokenNotYetValid_isRejected() {
    String token =
        sign(rsa, valid(NOW).notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(2)))).build());

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("not-yet-valid");
  }

  @Test
  void wrongIssuer_isRejected() {
    String token = sign(rsa, valid(NOW).issuer("https://evil.example.test").build());

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("wrong-issuer");
  }

  @Test
  void wrongAudience_isRejected() {
    String token = sign(rsa, valid(NOW).audience("somebody-else").build());

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("wrong-audience");
  }

  @Test
  void missingExp_isRejected() {
    String token = sign(rsa, valid(NOW).expirationTime(null).build());

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("missing-claim");
  }

  @Test
  void unknownKid_withoutRefetchSource_isRejected() {
    String token = sign(Tokens.rsa("stranger"), valid(NOW).build());

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("unknown-kid");
  }

  @Test
  void knownKidButForeignSignature_isRejected() {
    RSAKey impostor = new RSAKey.Builder(Tokens.rsa("x")).keyID("rsa-1").build();

    AuthenticationException e = rejected(authenticator, bearer(sign(impostor, valid(NOW).build())));

    assertThat(e.rule()).isEqualTo("bad-signature");
  }

  @Test
  void unsupportedCriticalHeader_isRejected() {
    String token =
        sign(
            rsa,
            valid(NOW).build(),
            h -> h.criticalParams(Set.of("exp-policy")).customParam("exp-policy", "lenient"));

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("unsupported-crit");
  }

  @Test
  void oversizedToken_isRejectedBeforeParsing() {
    String token = sign(rsa, valid(NOW).claim("padding", "x".repeat(5000)).build());

    AuthenticationException e = rejected(authenticator, bearer(token));

    assertThat(e.rule()).isEqualTo("oversized");
    assertThat(authenticatorChecks()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "a.b",
        "a.b.c.d",
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.sig+with/plain=base64",
        "eyJhbGciOiJSUzI1NiJ9..c2ln",
        "!!!.eyJzdWIiOiJhIn0.c2ln",
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.a",
        "bm90IGpzb24.eyJzdWIiOiJhIn0.c2ln"
      })
  void malformedToken_isRejected(String token) {
    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("malformed");
  }

  @Test
  void tokenSignedWithAnEncryptionKey_findsNoSigningKey() {
    RSAKey encWithPrivate = new RSAKey.Builder(encryption).build();

    assertThat(rejected(authenticator, bearer(sign(encWithPrivate, valid(NOW).build()))).rule())
        .isEqualTo("unknown-kid");
  }

  @Test
  void tokenWithoutKid_isVerifiedOnlyAgainstSigningKeys() {
    String byEncKey = sign(encryption, valid(NOW).build(), h -> h.keyID(null));
    String bySigningKey = sign(rsa, valid(NOW).build(), h -> h.keyID(null));

    assertThat(rejected(authenticator, bearer(byEncKey)).rule()).isEqualTo("bad-signature");
    assertThat(accepted(authenticator, bearer(bySigningKey)).id()).isEqualTo("alice");
  }

  @Test
  void cachedToken_isNotVerifiedAgain() {
    String token = sign(ec, valid(NOW).build());

    accepted(authenticator, bearer(token));
    long afterFirst = authenticatorChecks();
    Identity second = accepted(authenticator, bearer(token));

    assertThat(afterFirst).isEqualTo(1);
    assertThat(authenticatorChecks()).isEqualTo(1);
    assertThat(second.id()).isEqualTo("alice");
  }

  @Test
  void cacheDisabled_verifiesTheSignatureEveryTime() throws Exception {
    Path jwks = Files.writeString(dir.resolve("ec.json"), new JWKSet(ec.toPublicJWK()).toString());
    Map<String, Object> section =
        Map.of(
            "jwt",
            Map.of(
                "issuer",
                ISSUER,
                "audience",
                "sluice",
                "jwksFile",
                jwks.toString(),
                "cache",
                Map.of("enabled", false)));
    List<String> problems = new ArrayList<>();
    Authenticator uncached = Authenticators.fromConfig(section, problems, clock);
    String token = sign(ec, valid(NOW).build());

    accepted(uncached, bearer(token));
    accepted(uncached, bearer(token));

    assertThat(problems).isEmpty();
    assertThat(((CredentialRouter) uncached).jwt().signatureChecks()).isEqualTo(2);
  }

  @Test
  void cachedToken_isRejectedOnceItExpires() {
    String token = sign(ec, valid(NOW).build());
    accepted(authenticator, bearer(token));

    clock.advance(Duration.ofMinutes(6));

    assertThat(rejected(authenticator, bearer(token)).rule()).isEqualTo("expired");
  }

  @Test
  void rejectionMessages_neverEchoTheToken() {
    String token = sign(rsa, valid(NOW).issuer("https://evil.example.test").build());

    AuthenticationException e = rejected(authenticator, bearer(token));

    assertThat(e.getMessage()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
  }

  @Test
  void noCredentials_isRejectedAsMissing() {
    assertThat(rejected(authenticator, Credentials.none()).rule()).isEqualTo("missing");
  }

  @Test
  void basicAuthorization_isRejectedAsUnsupportedScheme() {
    Credentials basic =
        new Credentials(java.util.Optional.of("Basic YTpi"), java.util.Optional.empty(), List.of());

    assertThat(rejected(authenticator, basic).rule()).isEqualTo("unsupported-scheme");
  }

  @Test
  void apiKey_whenOnlyJwtIsConfigured_isRejected() {
    assertThat(rejected(authenticator, Tokens.apiKey("sk_x")).rule())
        .isEqualTo("method-not-configured");
  }

  private long authenticatorChecks() {
    return ((CredentialRouter) authenticator).jwt().signatureChecks();
  }
}
