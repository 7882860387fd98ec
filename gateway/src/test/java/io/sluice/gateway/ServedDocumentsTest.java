package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.testkit.documents.OfficialDocumentCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /asyncapi.json}, {@code /openapi.json} and {@code /docs} of a running gateway. */
class ServedDocumentsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static GatewayHarness harness;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("sluice-schemas");
    String yaml =
        SchemaFixtures.section(dir, "reject")
            + "publish:\n  ackOverrides:\n    \"telemetry.>\": none\n";
    harness = GatewayHarness.start(yaml, new TestPolicy());
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void asyncApi_describesConfiguredSubjectsRegisteredTypesAndSecurity() throws Exception {
    var response = harness.get("/asyncapi.json", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode doc = JSON.readTree(response.body());
    assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(doc.toString()).contains(String.valueOf(harness.gateway().port()));
    assertThat(doc.get("channels").findValuesAsText("address"))
        .contains("orders.eu", "orders.eu.>", "telemetry.>");
    assertThat(doc.at("/channels/telemetry_all/x-sluice-ack-mode").asText())
        .isEqualTo("fire_and_forget");
    assertThat(
            doc.at("/components/messages/order_created_v1/payload/properties/type/const").asText())
        .isEqualTo("order.created");
    assertThat(doc.at("/components/securitySchemes").fieldNames())
        .toIterable()
        .containsExactly("bearerJwt");
  }

  @Test
  void openApi_describesEveryRouteIncludingTheContractViolation() throws Exception {
    var response = harness.get("/openapi.json", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode doc = JSON.readTree(response.body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.at("/paths/~1v1~1events~1{subject}/post/responses/422")).isNotNull();
    assertThat(doc.at("/paths/~1v1~1schemas~1{type}~1{version}/put/responses/409").isMissingNode())
        .isFalse();
    assertThat(doc.at("/paths/~1v1~1ws~1{pattern}/get").isMissingNode()).isFalse();
  }

  @Test
  void servedDocuments_passTheOfficialParsersWithZeroErrors() throws Exception {
    String output =
        OfficialDocumentCheck.check(
            "served",
            harness.get("/asyncapi.json", null).body(),
            harness.get("/openapi.json", null).body());

    assertThat(output).contains("\"asyncapiErrors\":0,\"openapiErrors\":0");
  }

  @Test
  void docsPage_isSelfContainedHtml() {
    var response = harness.get("/docs", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(response.body())
        .contains("<script>", "openapi.json", "asyncapi.json")
        .doesNotContain("<script src=", "<link ");
  }
}
