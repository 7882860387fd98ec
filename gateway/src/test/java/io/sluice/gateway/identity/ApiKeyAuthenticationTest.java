package io.sluice.gateway.identity;

import static io.sluice.gateway.identity.Tokens.accepted;
import static io.sluice.gateway.identity.Tokens.apiKey;
import static io.sluice.gateway.identity.Tokens.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticationTest {
  private final String ciKey = ApiKeys.generate();
  private final String opsKey = ApiKeys.generate();
  private final Authenticator authenticator =
      configured(
          List.of(
              Map.of("id", "ci-bot", "hash", ApiKeys.hash(ciKey), "roles", List.of("publisher")),
              Map.of("id", "ops", "hash", ApiKeys.hash(opsKey), "groups", List.of("operators"))));

  @Test
  void rightKey_yieldsItsIdentityWithRolesAsClaims() {
    Identity identity = accepted(authenticator, apiKey(ciKey));

    assertThat(identity.type()).isEqualTo("apikey");
    assertThat(identity.id()).isEqualTo("ci-bot");
    assertThat(identity.authType()).isEqualTo("service_account");
    assertThat(identity.claims()).containsEntry("roles", List.of("publisher"));
  }

  @Test
  void rightKey_carriesItsGroups() {
    assertThat(accepted(authenticator, apiKey(opsKey)).groups()).containsExactly("operators");
  }

  @Test
  void wrongKey_isRejectedWithoutEchoingIt() {
    String wrong = ApiKeys.generate();

    AuthenticationException e = rejected(authenticator, apiKey(wrong));

    assertThat(e.rule()).isEqualTo("unknown-api-key");
    assertThat(e.getMessage()).doesNotContain(wrong);
  }

  @Test
  void keyThatDiffersInOneCharacter_isRejected() {
    String almost = ciKey.substring(0, ciKey.length() - 1) + (ciKey.endsWith("A") ? "B" : "A");

    assertThat(rejected(authenticator, apiKey(almost)).rule()).isEqualTo("unknown-api-key");
  }

  @Test
  void hash_isSha256HexOfTheKey() {
    assertThat(ApiKeys.hash("abc"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void generate_givesDistinctPrefixedKeys() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      keys.add(ApiKeys.generate());
    }

    assertThat(keys).hasSize(100).allMatch(k -> k.matches("sk_[A-Za-z0-9_-]{43}"));
  }

  @Test
  void hash_ofEmptyKey_isRefused() {
    assertThatThrownBy(() -> ApiKeys.hash("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void config_withRawKeyInsteadOfHash_isAProblemThatDoesNotEchoTheKey() {
    List<String> problems = new ArrayList<>();
    Map<String, Object> identity =
        Map.of("apiKeys", List.of(Map.of("id", "x", "hash", "sk_supersecretvalue")));

    assertThat(Authenticators.fromConfig(identity, problems)).isNull();
    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("identity.apiKeys[0].hash: must be 'sha256:'")
        .doesNotContain("supersecret");
  }

  @Test
  void config_withDuplicateIds_isAProblem() {
    List<String> problems = new ArrayList<>();
    String hash = ApiKeys.hash("k");
    Map<String, Object> identity =
        Map.of(
            "apiKeys", List.of(Map.of("id", "a", "hash", hash), Map.of("id", "a", "hash", hash)));

    assertThat(Authenticators.fromConfig(identity, problems)).isNull();
    assertThat(problems).containsExactly("identity.apiKeys[1].id: duplicate API key id 'a'");
  }

  private static Authenticator configured(List<Map<String, Object>> keys) {
    List<String> problems = new ArrayList<>();
    Authenticator a = Authenticators.fromConfig(Map.of("apiKeys", keys), problems);
    assertThat(problems).isEmpty();
    return a;
  }
}
