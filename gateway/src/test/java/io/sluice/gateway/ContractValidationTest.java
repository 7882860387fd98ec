package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Publishing through a gateway with a {@code schemas} section: data is checked before publish. */
class ContractValidationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CE = "application/cloudevents+json";
  static GatewayHarness harness;
  static String alice;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("sluice-schemas");
    harness = GatewayHarness.start(SchemaFixtures.section(dir, "reject"), new TestPolicy());
    alice = harness.token("alice");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void publish_violatingTheSchema_returns422WithEveryViolationsPointer() throws Exception {
    var response =
        harness.post(
            "/v1/events/orders.eu",
            alice,
            CE,
            SchemaFixtures.event(
                "order.created", "{\"amount\": 5000, \"email\": \"not-an-address\"}"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText())
        .isEqualTo("https://sluice.io/problems/contract-violation");
    assertThat(triples(problem.get("violations")))
        .contains("/amount maximum", "/orderId required", "/email format");
    assertThat(problem.at("/violations/0/message").asText()).isNotBlank();
  }

  @Test
  void publish_meetingTheSchema_returns202() {
    var response =
        harness.post(
            "/v1/events/orders.eu",
            alice,
            CE,
            SchemaFixtures.event("order.created", "{\"orderId\": \"o-1\", \"amount\": 10}"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  @Test
  void publish_ofAnUnknownType_isRejectedWhenUnknownTypesIsReject() throws Exception {
    var response =
        harness.post("/v1/events/orders.eu", alice, CE, SchemaFixtures.event("order.lost", "{}"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(response.body()).at("/violations/0/rule").asText())
        .isEqualTo("unknown-type");
  }

  @Test
  void publish_onASubjectOutsideTheTypesBinding_returns422() throws Exception {
    var response =
        harness.post(
            "/v1/events/orders.us",
            alice,
            CE,
            SchemaFixtures.event("order.created", "{\"orderId\": \"o-1\", \"amount\": 1}"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(response.body()).at("/violations/0/rule").asText())
        .isEqualTo("binding");
  }

  @Test
  void batch_reportsAContractViolationPerItem_andPublishesTheValidOnes() throws Exception {
    String batch =
        "["
            + SchemaFixtures.event("order.created", "{\"orderId\": \"o-2\", \"amount\": 3}")
                .replace("\"type\"", "\"subject\": \"orders.eu\", \"type\"")
            + ","
            + SchemaFixtures.event("order.created", "{\"orderId\": 7, \"amount\": 3}")
                .replace("\"type\"", "\"subject\": \"orders.eu\", \"type\"")
            + "]";

    var response = harness.post("/v1/events", alice, "application/cloudevents-batch+json", batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
    JsonNode results = JSON.readTree(response.body()).get("results");
    assertThat(results.at("/0/status").asInt()).isEqualTo(202);
    assertThat(results.at("/1/status").asInt()).isEqualTo(422);
    assertThat(results.at("/1/problem/violations/0/pointer").asText()).isEqualTo("/orderId");
    assertThat(results.at("/1/problem/violations/0/rule").asText()).isEqualTo("type");
  }

  static List<String> triples(JsonNode violations) {
    List<String> out = new ArrayList<>();
    violations.forEach(v -> out.add(v.get("pointer").asText() + " " + v.get("rule").asText()));
    return out;
  }
}
