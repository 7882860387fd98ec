package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchEndpointTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BATCH = "application/cloudevents-batch+json";
  static GatewayHarness harness;
  static String alice;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start("limits:\n  maxBatchSize: 3\n", new TestPolicy());
    alice = harness.token("alice");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  static String event(String id, String subject) {
    String subjectMember = subject == null ? "" : ",\"subject\":\"" + subject + "\"";
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"source\":\"/t\",\"type\":\"t.v1\""
        + subjectMember
        + "}";
  }

  @Test
  void batch_allAccepted_returns202WithReceiptPerEvent() throws Exception {
    String body = "[" + event("b1", "orders.one") + "," + event("b2", "orders.two") + "]";

    HttpResponse<String> response = harness.post("/v1/events", alice, BATCH, body);

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode results = JSON.readTree(response.body()).get("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(1).get("receipt").get("id").asText()).isEqualTo("b2");
    assertThat(results.get(1).get("receipt").get("subject").asText()).isEqualTo("orders.two");
  }

  @Test
  void batch_mixedOutcomes_returns207WithResultPerEvent() throws Exception {
    String body =
        "["
            + event("m1", "orders.ok")
            + ","
            + event("m2", "payments.denied")
            + ",{\"specversion\":\"1.0\",\"id\":\"m3\",\"subject\":\"orders.bad\"}"
            + "]";

    HttpResponse<String> response = harness.post("/v1/events", alice, BATCH, body);

    assertThat(response.statusCode()).isEqualTo(207);
    JsonNode results = JSON.readTree(response.body()).get("results");
    assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
    assertThat(results.get(1).get("status").asInt()).isEqualTo(403);
    assertThat(results.get(1).get("problem").get("rule").asText()).isEqualTo("default-deny");
    assertThat(results.get(2).get("status").asInt()).isEqualTo(400);
    assertThat(results.get(2).get("problem").get("violations")).isNotEmpty();
  }

  @Test
  void batch_subjectDefaultsToQueryParameter() throws Exception {
    String body = "[" + event("d1", null) + "]";

    HttpResponse<String> response =
        harness.post("/v1/events?subject=orders.default", alice, BATCH, body);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(response.body()).at("/results/0/receipt/subject").asText())
        .isEqualTo("orders.default");
  }

  @Test
  void batch_overMaxBatchSize_returns413() throws Exception {
    String body =
        "["
            + String.join(
                ",",
                event("1", "orders.a"),
                event("2", "orders.a"),
                event("3", "orders.a"),
                event("4", "orders.a"))
            + "]";

    HttpResponse<String> response = harness.post("/v1/events", alice, BATCH, body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("maxBatchSize");
  }

  @Test
  void batch_withSingleEventContentType_returns415() {
    HttpResponse<String> response =
        harness.post("/v1/events", alice, "application/cloudevents+json", event("x", "orders.a"));

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void batch_notAnArray_returns400() {
    HttpResponse<String> response =
        harness.post("/v1/events", alice, BATCH, event("x", "orders.a"));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void batch_sentToSubjectEndpoint_returns415() {
    HttpResponse<String> response =
        harness.post("/v1/events/orders.a", alice, BATCH, "[" + event("x", null) + "]");

    assertThat(response.statusCode()).isEqualTo(415);
  }
}
