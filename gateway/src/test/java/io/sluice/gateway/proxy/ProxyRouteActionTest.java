package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.gateway.policy.Policies;
import io.sluice.gateway.policy.PolicyEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code http:} shorthand end to end: in policy rules, and as a route's fixed action, which a
 * caller passes only when one of its allow rules covers the whole action.
 */
class ProxyRouteActionTest {
  private static final String POLICY =
      """
      roles:
        order-reader:
          allow: [{actions: [request], subjects: ["http:GET /orders/>"]}]
        one-order:
          allow: [{actions: [request], subjects: ["http:GET /orders/42"]}]
        legacy-user:
          allow: [{actions: [request], subjects: ["http:* /legacy/*"]}]
      bindings:
        - {role: order-reader, subject: alice}
        - {role: one-order, subject: bob}
        - {role: legacy-user, subject: carol}
      """;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  private static String yaml(UpstreamServers u) {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: orders, pathPrefix: /orders, upstream: p, action: \"http:GET /orders/>\"}\n"
        + "    - {name: legacy, pathPrefix: /legacy, upstream: p}\n"
        + "  pools:\n"
        + "    - {name: p, instances: "
        + u.instances("http")
        + "}\n";
  }

  @SuppressWarnings("unchecked")
  private static PolicyEngine policy() throws Exception {
    Map<String, Object> section = new ObjectMapper(new YAMLFactory()).readValue(POLICY, Map.class);
    List<String> problems = new ArrayList<>();
    PolicyEngine engine = Policies.fromConfig(section, problems).current();
    assertThat(problems).isEmpty();
    return engine;
  }

  @Test
  void routeAction_isAllowedOnlyToCallersWhoseRuleCoversAllOfIt() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u), policy())) {
      assertThat(gw.get("/orders/7", gw.token("alice")).statusCode()).isEqualTo(200);
      assertThat(gw.get("/orders/7", gw.token("bob")).statusCode()).isEqualTo(403);
      var denied = gw.get("/orders/42", gw.token("bob"));

      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.body()).contains("http.GET.orders.>");
      assertThat(u.received).hasSize(1);
    }
  }

  @Test
  void policyRulesInTheShorthand_matchTheDerivedSubject() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u), policy())) {
      String carol = gw.token("carol");

      assertThat(gw.get("/legacy/1", carol).statusCode()).isEqualTo(200);
      assertThat(gw.post("/legacy/1", carol, "text/plain", "x").statusCode()).isEqualTo(200);
      assertThat(gw.get("/legacy/1/2", carol).statusCode()).isEqualTo(403);
      assertThat(gw.get("/legacy/1", gw.token("alice")).statusCode()).isEqualTo(403);
    }
  }
}
