package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Server-Sent Events on the in-memory broker, read by a java.net.http client. */
class SseStreamTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(5);

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  GatewayHarness harness;
  String alice;

  @BeforeEach
  void start() {
    harness = GatewayHarness.start("streaming:\n  heartbeat: 200ms\n", new StreamPolicy());
    alice = harness.token("alice");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  SseClient stream(String pathAndQuery, String token) {
    return SseClient.open(
        harness.request(pathAndQuery).timeout(WAIT).header("Authorization", "Bearer " + token));
  }

  void publish(String subject, String body) {
    HttpResponse<String> r = harness.post("/v1/events/" + subject, alice, "application/json", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  @Test
  void stream_deliversMatchingEvents_asStructuredCloudEvents_withSequenceIds() throws Exception {
    try (SseClient sse = stream("/v1/events/orders.%3E", alice)) {
      assertThat(sse.status()).isEqualTo(200);
      assertThat(sse.header("Content-Type")).startsWith("text/event-stream");

      publish("orders.created", "{\"n\":1}");
      publishDirect("payments.created");
      publish("orders.paid", "{\"n\":3}");

      await().atMost(WAIT).until(() -> sse.messages().size() >= 2);
      SseClient.Message first = sse.messages().get(0);
      JsonNode event = JSON.readTree(first.data());
      assertThat(first.event()).isEqualTo("orders.created");
      assertThat(Long.parseLong(first.id())).isPositive();
      assertThat(event.get("specversion").asText()).isEqualTo("1.0");
      assertThat(event.get("data").get("n").asInt()).isEqualTo(1);
      assertThat(event.get("authid").asText()).isEqualTo("alice");
      assertThat(sse.messages())
          .extracting(SseClient.Message::event)
          .containsExactly("orders.created", "orders.paid");
    }
  }

  @Test
  void stream_sendsHeartbeatComments_whileIdle() {
    try (SseClient sse = stream("/v1/events/orders.%3E", alice)) {
      assertThat(sse.status()).isEqualTo(200);
      await()
          .atMost(WAIT)
          .until(() -> sse.comments().stream().filter("heartbeat"::equals).count() >= 2);
      assertThat(sse.messages()).isEmpty();
    }
  }

  @Test
  void stream_neverDeliversEventsOnDeniedSubjects_insideAnAllowedPattern() {
    try (SseClient sse = stream("/v1/events/orders.%3E", alice)) {
      publishDirect("orders.secret.plans");
      publish("orders.visible", "{}");

      await().atMost(WAIT).until(() -> !sse.messages().isEmpty());
      assertThat(sse.messages())
          .extracting(SseClient.Message::event)
          .containsExactly("orders.visible");
    }
  }

  @Test
  void stream_endsWhenTheCallersTokenExpires() {
    String shortLived = harness.token("alice", Duration.ofSeconds(2));
    try (SseClient sse = stream("/v1/events/orders.%3E", shortLived)) {
      assertThat(sse.status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(8)).until(sse::ended);
    }
  }

  @Test
  void stream_forDeniedPattern_returns403ProblemBeforeStreaming() throws Exception {
    try (SseClient sse = stream("/v1/events/orders.secret.%3E", alice)) {
      assertThat(sse.status()).isEqualTo(403);
      assertThat(sse.header("Content-Type")).startsWith("application/problem+json");
      assertThat(JSON.readTree(sse.body()).get("rule").asText()).isEqualTo("default-deny");
    }
  }

  @Test
  void stream_forOtherIdentity_returns403() {
    try (SseClient sse = stream("/v1/events/orders.%3E", harness.token("mallory"))) {
      assertThat(sse.status()).isEqualTo(403);
    }
  }

  @Test
  void stream_withoutCredentials_returns401() {
    try (SseClient sse = SseClient.open(harness.request("/v1/events/orders.%3E"))) {
      assertThat(sse.status()).isEqualTo(401);
    }
  }

  @Test
  void stream_withBearerTokenInUrl_isRefusedWith400() throws Exception {
    try (SseClient sse =
        SseClient.open(harness.request("/v1/events/orders.%3E?access_token=" + alice))) {
      assertThat(sse.status()).isEqualTo(400);
      assertThat(JSON.readTree(sse.body()).get("type").asText()).endsWith("/credentials-in-url");
    }
  }

  @Test
  void stream_withInvalidFrom_returns400NamingTheValue() {
    try (SseClient sse = stream("/v1/events/orders.%3E?from=yesterday", alice)) {
      assertThat(sse.status()).isEqualTo(400);
      assertThat(sse.body()).contains("'yesterday'");
    }
  }

  @Test
  void metrics_countActiveStreamsAndDeliveredEvents() {
    try (SseClient sse = stream("/v1/events/orders.%3E", alice)) {
      publish("orders.counted", "{}");
      await().atMost(WAIT).until(() -> sse.messages().size() == 1);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(harness.get("/metrics", null).body())
                      .contains("sluice_streams_active 1.0")
                      .contains("sluice_stream_events_total{transport=\"sse\"} 1.0"));
    }
  }

  private void publishDirect(String subject) {
    harness
        .gateway()
        .broker()
        .publish(
            io.sluice.subject.Subject.of(subject),
            io.sluice.envelope.CloudEvent.builder()
                .id(java.util.UUID.randomUUID().toString())
                .source("/test")
                .type(subject)
                .build(),
            io.sluice.broker.AckMode.DURABLE)
        .toCompletableFuture()
        .join();
  }
}
