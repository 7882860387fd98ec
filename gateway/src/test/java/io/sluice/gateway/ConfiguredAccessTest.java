package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.identity.ApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production path: identity and policy sections of a configuration, assembled into a running
 * gateway; callers present API keys.
 */
class ConfiguredAccessTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CI_KEY = ApiKeys.generate();
  static final String ADMIN_KEY = ApiKeys.generate();
  static GatewayAssembly assembly;
  static Gateway gateway;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() {
    String yaml =
        """
        server: {host: 127.0.0.1, port: 0}
        broker: {url: "mem:"}
        audit: {store: {url: "jdbc:h2:mem:configured-access;DB_CLOSE_DELAY=-1"}}
        identity:
          apiKeys:
            - {id: ci-bot, hash: "%s"}
            - {id: ops, hash: "%s"}
        policy:
          roles:
            publisher:
              allow:
                - {actions: [publish], subjects: ["orders.>"]}
              deny:
                - {actions: [publish], subjects: ["orders.secret.>"]}
            operator:
              allow:
                - {actions: [admin], subjects: ["policy.explain"]}
          bindings:
            - {role: publisher, apiKey: ci-bot}
            - {role: operator, apiKey: ops}
        """
            .formatted(ApiKeys.hash(CI_KEY), ApiKeys.hash(ADMIN_KEY));
    GatewayConfig config = ConfigLoader.parse(yaml, Map.of());
    assembly = GatewayAssembly.assemble(config, Clock.systemUTC());
    gateway = Gateway.start(config, assembly.access());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    assembly.close();
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> publish(String subject, String apiKey) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/events/" + subject))
            .header("X-API-Key", apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  @Test
  void developmentMode_isOff_soNoDevTokenExists() {
    assertThat(assembly.devToken()).isEmpty();
  }

  @Test
  void publish_withApiKeyAllowedByRole_returns202() throws Exception {
    assertThat(publish("orders.created", CI_KEY).statusCode()).isEqualTo(202);
  }

  @Test
  void publish_deniedByDenyRule_returns403NamingThatRule() throws Exception {
    HttpResponse<String> response = publish("orders.secret.keys", CI_KEY);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).get("rule").asText()).contains("publisher/deny[0]");
  }

  @Test
  void publish_withUnknownApiKey_returns401() throws Exception {
    HttpResponse<String> response = publish("orders.created", ApiKeys.generate());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain(CI_KEY);
  }

  @Test
  void explain_listsEachBoundRolesVerdict() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        gateway.baseUrl()
                            + "/v1/policy/explain?action=publish&subject=orders.x&sub=someone"))
                .header("X-API-Key", ADMIN_KEY)
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("allowed").asBoolean()).isFalse();
    assertThat(body.get("rule").asText()).isEqualTo("default-deny");
    assertThat(body.get("policyVersion").asText()).isNotBlank();
    assertThat(body.has("roles")).isTrue();
  }

  @Test
  void ready_reportsThePolicyVersion() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/health/ready")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("policyVersion").asText()).hasSize(12);
  }
}
