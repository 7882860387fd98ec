package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.gateway.GatewayOptions;
import io.sluice.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stream tickets: how browsers open a stream without an Authorization header. */
class TicketTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  final ManualClock clock = ManualClock.startingNow();
  GatewayHarness harness;
  String alice;

  @BeforeEach
  void start() {
    harness =
        GatewayHarness.start(
            "streaming:\n  ticketTtl: 60s\n",
            new StreamPolicy(),
            GatewayOptions.defaults().withClock(clock));
    alice = harness.token("alice");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void ticket_opensTheStreamOnce_thenIsRefused() throws Exception {
    JsonNode ticket = issue("orders.>");
    assertThat(ticket.get("expiresAt").asText()).isNotBlank();

    try (SseClient first = SseClient.open(harness.request(ticket.get("events").asText()))) {
      assertThat(first.status()).isEqualTo(200);
    }
    try (SseClient second = SseClient.open(harness.request(ticket.get("events").asText()))) {
      assertThat(second.status()).isEqualTo(401);
      assertThat(JSON.readTree(second.body()).get("type").asText()).endsWith("/invalid-ticket");
    }
  }

  @Test
  void ticket_afterItsTimeToLive_isRefused() throws Exception {
    JsonNode ticket = issue("orders.>");
    clock.advance(Duration.ofSeconds(61));

    try (SseClient sse = SseClient.open(harness.request(ticket.get("events").asText()))) {
      assertThat(sse.status()).isEqualTo(401);
    }
  }

  @Test
  void ticket_forAnotherPattern_isRefused() throws Exception {
    JsonNode ticket = issue("orders.>");
    String value = ticket.get("ticket").asText();

    try (SseClient sse =
        SseClient.open(harness.request("/v1/events/orders.created?ticket=" + value))) {
      assertThat(sse.status()).isEqualTo(401);
    }
  }

  @Test
  void ticket_forDeniedPattern_isNotIssued_403() {
    HttpResponse<String> r =
        harness.post(
            "/v1/stream-tickets", alice, "application/json", "{\"pattern\":\"orders.secret.>\"}");

    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void ticket_withoutCredentials_isNotIssued_401() {
    HttpResponse<String> r =
        harness.send(
            harness
                .request("/v1/stream-tickets")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"pattern\":\"a.>\"}")));

    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void ticket_withoutPattern_returns400() {
    HttpResponse<String> r = harness.post("/v1/stream-tickets", alice, "application/json", "{}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("pattern");
  }

  private JsonNode issue(String pattern) throws Exception {
    HttpResponse<String> r =
        harness.post(
            "/v1/stream-tickets", alice, "application/json", "{\"pattern\":\"" + pattern + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }
}
