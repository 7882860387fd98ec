package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.SubjectPattern;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PublishEndpointTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static GatewayHarness harness;
  static String alice;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  final List<CloudEvent> received = new CopyOnWriteArrayList<>();
  Subscription subscription;

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start("", new TestPolicy());
    alice = harness.token("alice");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @BeforeEach
  void subscribe() {
    subscription =
        harness
            .gateway()
            .broker()
            .subscribe(
                SubjectPattern.of("orders.>"),
                SubscribeOptions.defaults(),
                d -> {
                  received.add(d.event());
                  d.ack();
                });
  }

  @AfterEach
  void unsubscribe() {
    subscription.close();
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  static String structured(String id, String extra) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"source\":\"/shop\",\"type\":\"order.created\",\"datacontenttype\":\"application/json\","
        + "\"data\":{\"total\":42}"
        + extra
        + "}";
  }

  CloudEvent receivedWithId(String id) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> received.stream().anyMatch(e -> e.id().equals(id)));
    return received.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void publish_structuredEvent_returns202Receipt_andSubscriberSeesVerifiedIdentity()
      throws Exception {
    String body = structured("evt-1", ",\"authid\":\"mallory\",\"authtype\":\"service_account\"");

    HttpResponse<String> response =
        harness.post("/v1/events/orders.created", alice, "application/cloudevents+json", body);

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode receipt = json(response);
    assertThat(receipt.get("id").asText()).isEqualTo("evt-1");
    assertThat(receipt.get("subject").asText()).isEqualTo("orders.created");
    assertThat(receipt.get("ackMode").asText()).isEqualTo("durable");
    assertThat(receipt.get("duplicate").asBoolean()).isFalse();
    assertThat(receipt.get("sequence").isNumber()).isTrue();
    assertThat(receipt.has("stream")).isTrue();
    assertThat(receipt.has("partition")).isTrue();
    CloudEvent event = receivedWithId("evt-1");
    assertThat(event.extension("authid")).contains("alice");
    assertThat(event.extension("authtype")).contains("app_user");
    assertThat(event.type()).isEqualTo("order.created");
  }

  @Test
  void publish_binaryMode_buildsEventFromCeHeaders() {
    HttpResponse<String> response =
        harness.post(
            "/v1/events/orders.paid",
            alice,
            "application/json",
            "{\"paid\":true}",
            "ce-specversion",
            "1.0",
            "ce-id",
            "bin-1",
            "ce-source",
            "/billing",
            "ce-type",
            "order.paid",
            "ce-correlationid",
            "flow-7");

    assertThat(response.statusCode()).isEqualTo(202);
    CloudEvent event = receivedWithId("bin-1");
    assertThat(event.source()).isEqualTo("/billing");
    assertThat(event.extension("correlationid")).contains("flow-7");
    assertThat(new String(event.data().orElseThrow())).isEqualTo("{\"paid\":true}");
  }

  @Test
  void publish_plainJson_isWrappedWithTypeFromHeaderAndGeneratedAttributes() throws Exception {
    HttpResponse<String> response =
        harness.post(
            "/v1/events/orders.note",
            alice,
            "application/json",
            "{\"note\":\"hi\"}",
            "Sluice-Type",
            "order.noted");

    assertThat(response.statusCode()).isEqualTo(202);
    String id = json(response).get("id").asText();
    CloudEvent event = receivedWithId(id);
    assertThat(event.type()).isEqualTo("order.noted");
    assertThat(event.source()).isEqualTo("/sluice/gateway");
    assertThat(event.time()).isPresent();
    assertThat(event.dataContentType()).contains("application/json");
  }

  @Test
  void publish_plainJsonWithoutTypeHeader_usesSubjectAsType() throws Exception {
    HttpResponse<String> response =
        harness.post("/v1/events/orders.plain", alice, "application/json", "[1,2]");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(receivedWithId(json(response).get("id").asText()).type()).isEqualTo("orders.plain");
  }

  @Test
  void publish_continuesIncomingTraceparentIntoTheEvent() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response =
        harness.post(
            "/v1/events/orders.traced",
            alice,
            "application/json",
            "{}",
            "traceparent",
            "00-" + traceId + "-00f067aa0ba902b7-01");

    assertThat(response.statusCode()).isEqualTo(202);
    CloudEvent event = receivedWithId(json(response).get("id").asText());
    String traceparent = (String) event.extension("traceparent").orElseThrow();
    assertThat(traceparent).startsWith("00-" + traceId + "-").endsWith("-01");
    assertThat(traceparent).doesNotContain("00f067aa0ba902b7");
  }

  @Test
  void publish_ackNone_returnsReceiptWithAckModeNone() throws Exception {
    HttpResponse<String> response =
        harness.post("/v1/events/orders.fast?ack=none", alice, "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).get("ackMode").asText()).isEqualTo("none");
  }

  @Test
  void publish_withUnknownAckMode_returns400NamingTheParameter() throws Exception {
    HttpResponse<String> response =
        harness.post("/v1/events/orders.x", alice, "application/json", "{}", "Sluice-Ack", "maybe");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("violations").get(0).get("field").asText()).isEqualTo("ack");
  }

  @Test
  void requests_areLoggedOneLineEach_withoutTheToken() {
    harness.post("/v1/events/orders.logged", alice, "application/json", "{}");

    assertThat(logs.accessLines())
        .anySatisfy(
            line -> {
              String kv = String.valueOf(line.getKeyValuePairs());
              assertThat(kv).contains("requestId=", "identityId=\"alice\"", "status=\"202\"");
              assertThat(kv).contains("subject=\"orders.logged\"", "eventId=", "latencyMs=");
              assertThat(kv).doesNotContain(alice);
            });
  }
}
