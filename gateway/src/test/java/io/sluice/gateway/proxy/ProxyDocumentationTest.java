package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Policies;
import io.sluice.gateway.policy.PolicyEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two-service example in docs/proxy.md is a valid configuration. */
class ProxyDocumentationTest {
  private static final Path DOC = Path.of("..", "docs", "proxy.md");

  @Test
  void twoServiceExample_isAValidConfiguration() throws Exception {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    String yaml = doc.substring(start, doc.indexOf("```", start));

    GatewayConfig config = ConfigLoader.parse(yaml, Map.of());

    assertThat(config.proxy().routes())
        .extracting(ProxyConfig.Route::name)
        .containsExactly("orders", "billing");
    assertThat(config.proxy().pool("orders").instances()).hasSize(2);
    assertThat(config.proxy().assertion().enabled()).isTrue();
    assertThat(config.proxy().routes().get(0).emit()).isPresent();
  }

  @Test
  void twoServiceExample_policyInTheShorthand_decidesAsDescribed() throws Exception {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    GatewayConfig config =
        ConfigLoader.parse(doc.substring(start, doc.indexOf("```", start)), Map.of());
    List<String> problems = new ArrayList<>();
    PolicyEngine policy = Policies.fromConfig(config.policy(), problems).current();

    assertThat(problems).isEmpty();
    assertThat(policy.decide(user("alice"), Action.REQUEST, "http.GET.orders.42").allowed())
        .isTrue();
    assertThat(policy.decide(user("alice"), Action.REQUEST, "http.DELETE.orders.42").allowed())
        .isFalse();
    assertThat(policy.decide(user("bob"), Action.REQUEST, "http.POST.billing.invoices").allowed())
        .isTrue();
  }

  private static Identity user(String sub) {
    return new Identity("jwt", sub, "https://login.example.com/realms/acme", Map.of(), Set.of(), 0);
  }
}
