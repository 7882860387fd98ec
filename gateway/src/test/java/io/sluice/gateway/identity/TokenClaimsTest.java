package io.sluice.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

  @Test
  void groups_followADottedPathIntoNestedClaims() {
    Map<String, Object> claims =
        Map.of("realm_access", Map.of("roles", List.of("ops", "writers", 42)));

    assertThat(TokenClaims.groups(claims, "realm_access.roles")).containsExactly("ops", "writers");
  }

  @Test
  void groups_fromASingleStringClaim() {
    assertThat(TokenClaims.groups(Map.of("team", "ops"), "team")).containsExactly("ops");
  }

  @Test
  void groups_areEmptyWhenTheClaimIsMissingOrNotText() {
    assertThat(TokenClaims.groups(Map.of(), "groups")).isEmpty();
    assertThat(TokenClaims.groups(Map.of("groups", 7), "groups")).isEmpty();
    assertThat(TokenClaims.groups(Map.of("groups", "x"), "groups.deeper")).isEmpty();
  }
}
