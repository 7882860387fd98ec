package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /v1/schemas}: registering versions with compatibility checks, listing and reading. */
class SchemaAdminTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static GatewayHarness harness;
  static String admin;
  static String alice;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("sluice-schemas");
    harness = GatewayHarness.start(SchemaFixtures.section(dir, "allow"), new TestPolicy());
    admin = harness.token("admin");
    alice = harness.token("alice");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  static HttpResponse<String> put(String path, String token, String body) {
    return harness.send(
        harness
            .request(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void register_compatibleVersion_returns201WithTheReport_andValidatesWithIt() throws Exception {
    var response = put("/v1/schemas/order.created/2", admin, SchemaFixtures.ORDER_V2_COMPATIBLE);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("outcome").asText()).isEqualTo("registered");
    assertThat(body.at("/compatibility/mode").asText()).isEqualTo("backward");
    assertThat(body.at("/compatibility/compatible").asBoolean()).isTrue();
    var again = put("/v1/schemas/order.created/2", admin, SchemaFixtures.ORDER_V2_COMPATIBLE);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("outcome").asText()).isEqualTo("unchanged");
  }

  @Test
  void register_incompatibleVersion_returns409NamingTheBreakingChange() throws Exception {
    var response = put("/v1/schemas/order.created/3", admin, SchemaFixtures.ORDER_V2_BREAKING);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText())
        .isEqualTo("https://sluice.io/problems/incompatible-schema");
    assertThat(problem.at("/breakingChanges/0/kind").asText()).isEqualTo("FIELD_ADDED_AS_REQUIRED");
    assertThat(problem.at("/breakingChanges/0/pointer").asText()).isEqualTo("/properties/currency");
    assertThat(problem.get("detail").asText()).contains("currency");
  }

  @Test
  void register_malformedSchema_returns400() {
    var response = put("/v1/schemas/order.created/9", admin, "{\"type\": 12}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("invalid-schema");
  }

  @Test
  void register_withoutAdminPermission_returns403() {
    var response = put("/v1/schemas/order.created/4", alice, SchemaFixtures.ORDER_V2_COMPATIBLE);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(harness.get("/v1/schemas", alice).statusCode()).isEqualTo(403);
  }

  @Test
  void list_andGet_returnTheRegisteredSchemas() throws Exception {
    var list = harness.get("/v1/schemas", admin);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(list.body()).at("/schemas/0/type").asText())
        .isEqualTo("order.created");

    var one = harness.get("/v1/schemas/order.created/1", admin);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(one.body())).isEqualTo(JSON.readTree(SchemaFixtures.ORDER_V1));
    assertThat(harness.get("/v1/schemas/order.created/77", admin).statusCode()).isEqualTo(404);
  }

  @Test
  void publish_ofAnUnknownType_isAllowedWhenUnknownTypesIsAllow() {
    var response =
        harness.post(
            "/v1/events/orders.eu",
            alice,
            "application/cloudevents+json",
            SchemaFixtures.event("order.lost", "{}"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }
}
