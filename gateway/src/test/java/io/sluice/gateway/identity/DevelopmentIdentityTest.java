package io.sluice.gateway.identity;

import static io.sluice.gateway.identity.Tokens.accepted;
import static io.sluice.gateway.identity.Tokens.bearer;
import static io.sluice.gateway.identity.Tokens.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentIdentityTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final DevelopmentIdentity dev = DevelopmentIdentity.create(clock);

  @Test
  void mintedToken_isVerifiedByItsAuthenticator() {
    String token =
        dev.mint("dev", Map.of("tenant", "acme", "groups", List.of("ops")), Duration.ofHours(1));

    Identity identity = accepted(dev.authenticator(), bearer(token));

    assertThat(identity.id()).isEqualTo("dev");
    assertThat(identity.type()).isEqualTo("dev");
    assertThat(identity.authType()).isEqualTo("app_user");
    assertThat(identity.issuer()).isEqualTo("sluice-dev");
    assertThat(identity.claims()).containsEntry("tenant", "acme");
    assertThat(identity.groups()).containsExactly("ops");
  }

  @Test
  void mintedToken_isEs256WithIssuerAndAudience() throws Exception {
    SignedJWT jwt = SignedJWT.parse(dev.mint("dev", Map.of(), Duration.ofMinutes(5)));

    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("sluice-dev");
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("sluice");
  }

  @Test
  void callerClaims_cannotOverrideIssuerOrSubject() throws Exception {
    String token =
        dev.mint("dev", Map.of("iss", "https://evil", "sub", "root"), Duration.ofMinutes(5));

    Identity identity = accepted(dev.authenticator(), bearer(token));

    assertThat(identity.id()).isEqualTo("dev");
    assertThat(identity.issuer()).isEqualTo("sluice-dev");
  }

  @Test
  void mintedToken_expiresAfterItsTtl() {
    String token = dev.mint("dev", Map.of(), Duration.ofMinutes(1));

    clock.advance(Duration.ofMinutes(2));

    assertThat(rejected(dev.authenticator(), bearer(token)).rule()).isEqualTo("expired");
  }

  @Test
  void tokenFromAnotherDevelopmentKey_isRejected() {
    String foreign = DevelopmentIdentity.create(clock).mint("dev", Map.of(), Duration.ofMinutes(5));

    assertThat(rejected(dev.authenticator(), bearer(foreign)).rule()).isEqualTo("unknown-kid");
  }

  @Test
  void jwks_holdsOnlyThePublicKey() throws Exception {
    JWKSet set = JWKSet.parse(dev.jwks());

    assertThat(set.getKeys()).singleElement().matches(k -> !k.isPrivate());
    assertThat(dev.jwks()).doesNotContain("\"d\"");
  }

  @Test
  void jwks_configuresAGatewayThatAcceptsDevTokens(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("dev-jwks.json"), dev.jwks());
    Map<String, Object> jwt =
        Map.of(
            "issuer", "http://localhost",
            "audience", "sluice",
            "jwksFile", file.toString());
    List<String> problems = new ArrayList<>();
    Authenticator other = Authenticators.fromConfig(Map.of("jwt", jwt), problems, clock);

    AuthenticationException e =
        rejected(other, bearer(dev.mint("dev", Map.of(), Duration.ofMinutes(5))));

    assertThat(problems).isEmpty();
    assertThat(JWKSet.parse(dev.jwks()).getKeys()).extracting(JWK::getKeyID).hasSize(1);
    assertThat(e.rule()).as("signature verifies, issuer differs").isEqualTo("wrong-issuer");
  }
}
