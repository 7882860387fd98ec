package io.sluice.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every mistake in the identity section is reported together, naming the key. */
class AuthenticatorsConfigTest {
  private final List<String> problems = new ArrayList<>();

  @Test
  void issuerThatIsNotAUrl_isAProblem() {
    Authenticator a =
        Authenticators.fromConfig(
            Map.of("jwt", Map.of("issuer", "x", "audience", "s", "jwksUrl", "https://k/certs")),
            problems);

    assertThat(a).isNull();
    assertThat(problems)
        .containsExactly("identity.jwt.issuer: must be an https or http URL but was 'x'");
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    Map<String, Object> jwt =
        Map.of(
            "issuer", "https://id.example.test",
            "algorithms", List.of("RS256", "HS256", "none"),
            "clockSkew", "soon",
            "maxTokenBytes", -1,
            "jwksUrl", "ftp://keys",
            "colour", "blue");

    assertThat(Authenticators.fromConfig(Map.of("jwt", jwt, "ldap", true), problems)).isNull();

    assertThat(problems)
        .anyMatch(p -> p.startsWith("identity.ldap: unknown key"))
        .anyMatch(p -> p.startsWith("identity.jwt.colour: unknown key"))
        .anyMatch(p -> p.equals("identity.jwt.audience: is required"))
        .anyMatch(p -> p.startsWith("identity.jwt.algorithms:") && p.endsWith("'HS256'"))
        .anyMatch(p -> p.startsWith("identity.jwt.algorithms:") && p.endsWith("'none'"))
        .anyMatch(p -> p.startsWith("identity.jwt.clockSkew: must be a duration"))
        .anyMatch(p -> p.startsWith("identity.jwt.maxTokenBytes: must be a positive"))
        .anyMatch(
            p ->
                p.equals(
                    "identity.jwt.jwksUrl: must be an https or http URL but was 'ftp://keys'"));
  }

  @Test
  void twoKeySources_isAProblem() {
    Map<String, Object> jwt =
        Map.of(
            "issuer", "https://id.example.test",
            "audience", "sluice",
            "jwksUrl", "https://id.example.test/certs",
            "discovery", true);

    assertThat(Authenticators.fromConfig(Map.of("jwt", jwt), problems)).isNull();
    assertThat(problems)
        .containsExactly(
            "identity.jwt.jwksFile: exactly one of jwksFile, jwksUrl or discovery must be set but"
                + " 2 were");
  }

  @Test
  void missingJwksFile_isAProblem() {
    Map<String, Object> jwt =
        Map.of("issuer", "https://id.example.test", "audience", "s", "jwksFile", "/no/such.json");

    assertThat(Authenticators.fromConfig(Map.of("jwt", jwt), problems)).isNull();
    assertThat(problems).singleElement().asString().startsWith("identity.jwt.jwksFile:");
  }

  @Test
  void emptySection_needsAtLeastOneMethod() {
    assertThat(Authenticators.fromConfig(Map.of(), problems)).isNull();
    assertThat(problems)
        .containsExactly("identity: must configure at least one of jwt, apiKeys or mtls");
  }

  @Test
  void unknownCertificateSubjectSource_isAProblem() {
    assertThat(Authenticators.fromConfig(Map.of("mtls", Map.of("subjectFrom", "ou")), problems))
        .isNull();
    assertThat(problems)
        .containsExactly(
            "identity.mtls.subjectFrom: must be one of cn, san-dns, san-uri or dn but was 'ou'");
  }
}
