package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.InvalidConfigException;
import io.sluice.gateway.identity.Credentials;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayAssemblyTest {

  @Test
  void developmentMode_mintsATokenThatTheDevPolicyAllowsEverything() throws Exception {
    GatewayAssembly assembly =
        GatewayAssembly.assemble(ConfigLoader.parse("", Map.of()), Clock.systemUTC());
    String token = assembly.devToken().orElseThrow();

    Identity identity =
        assembly
            .access()
            .authenticator()
            .authenticate(
                new Credentials(Optional.of("Bearer " + token), Optional.empty(), List.of()))
            .toCompletableFuture()
            .get();

    assertThat(identity.id()).isEqualTo(GatewayAssembly.DEV_SUBJECT);
    for (Action action : Action.values()) {
      assertThat(assembly.access().policy().decide(identity, action, "any.thing").allowed())
          .as(action.name())
          .isTrue();
    }
    assertThat(assembly.access().policyVersion().get()).contains("dev");
  }

  @Test
  void identityWithoutPolicy_isReportedAsAProblem() {
    var config =
        ConfigLoader.parse(
            "identity:\n  apiKeys:\n    - id: ci\n      hash: sha256:" + "0".repeat(64) + "\n",
            Map.of());

    assertThatThrownBy(() -> GatewayAssembly.assemble(config, Clock.systemUTC()))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("policy:")));
  }
}
