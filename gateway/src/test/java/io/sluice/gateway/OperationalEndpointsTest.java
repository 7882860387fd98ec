package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperationalEndpointsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static GatewayHarness harness;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start("", new TestPolicy());
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void live_returns200() {
    assertThat(harness.get("/health/live", null).statusCode()).isEqualTo(200);
  }

  @Test
  void ready_whenBrokerConnectedAndPolicyLoaded_returns200() throws Exception {
    HttpResponse<String> response = harness.get("/health/ready", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("broker").asText()).isEqualTo("connected");
    assertThat(body.get("policyVersion").asText()).isEqualTo("test");
  }

  @Test
  void metrics_exposeRequestsPublishesDenialsAndBrokerState() {
    String alice = harness.token("alice");
    harness.post("/v1/events/orders.metered", alice, "application/json", "{}");
    harness.post("/v1/events/payments.metered", alice, "application/json", "{}");

    String metrics = harness.get("/metrics", null).body();

    assertThat(metrics)
        .contains("sluice_http_requests_seconds_bucket")
        .contains("route=\"/v1/events/{subject}\"")
        .contains("status=\"202\"")
        .contains("sluice_publishes_total{outcome=\"published\"}")
        .contains("sluice_denials_total{action=\"publish\",reason=\"forbidden\"}")
        .contains("sluice_broker_connected 1.0")
        .contains("sluice_publish_latency_seconds_bucket");
  }

  @Test
  void explain_forAdmin_saysWhichRuleDecides() throws Exception {
    HttpResponse<String> response =
        harness.get(
            "/v1/policy/explain?action=publish&subject=orders.created&sub=alice",
            harness.token("admin"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("allowed").asBoolean()).isTrue();
    assertThat(body.get("rule").asText()).isEqualTo(TestPolicy.ALICE_RULE);
    assertThat(body.at("/identity/id").asText()).isEqualTo("alice");
  }

  @Test
  void explain_withoutIdentityParameters_explainsTheCaller() throws Exception {
    HttpResponse<String> response =
        harness.get("/v1/policy/explain?action=publish&subject=orders.x", harness.token("admin"));

    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("allowed").asBoolean()).isFalse();
    assertThat(body.at("/identity/id").asText()).isEqualTo("admin");
  }

  @Test
  void explain_withoutAdminPermission_returns403() {
    HttpResponse<String> response =
        harness.get("/v1/policy/explain?action=publish&subject=orders.x", harness.token("alice"));

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void explain_withUnknownAction_returns400() {
    HttpResponse<String> response =
        harness.get("/v1/policy/explain?action=fly&subject=orders.x", harness.token("admin"));

    assertThat(response.statusCode()).isEqualTo(400);
  }
}
