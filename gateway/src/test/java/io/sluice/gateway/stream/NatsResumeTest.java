package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.testkit.servers.NatsServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Resuming an SSE stream on NATS JetStream: the sequence is the stream sequence. */
class NatsResumeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String STREAMS =
      "  settings:\n    streams:\n      - name: ORDERS\n        subjects: [orders.>]\n";

  static NatsServer nats;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void startNats() throws Exception {
    nats = NatsServer.start();
  }

  @AfterAll
  static void stopNats() throws Exception {
    nats.close();
  }

  @Test
  void reconnect_withLastEventId_onJetStream_resumesWithoutGapOrDuplicate() throws Exception {
    try (GatewayHarness harness =
        GatewayHarness.startOn(nats.url() + "\n" + STREAMS, "", new StreamPolicy())) {
      String alice = harness.token("alice");
      publish(harness, alice, 1, 4);
      List<Integer> seen = new ArrayList<>();
      String lastId;
      try (SseClient first = stream(harness, alice, "?from=all", null)) {
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        await().atMost(WAIT).until(() -> first.messages().size() >= 2);
        first.messages().subList(0, 2).forEach(m -> seen.add(n(m)));
        lastId = first.messages().get(1).id();
      }
      publish(harness, alice, 5, 6);

      try (SseClient second = stream(harness, alice, "", lastId)) {
        await().atMost(WAIT).until(() -> second.messages().size() >= 4);
        second.messages().forEach(m -> seen.add(n(m)));
      }

      assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6);
    }
  }

  private static SseClient stream(
      GatewayHarness harness, String token, String query, String lastEventId) {
    var request =
        harness
            .request("/v1/events/orders.%3E" + query)
            .timeout(WAIT)
            .header("Authorization", "Bearer " + token);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return SseClient.open(request);
  }

  private static void publish(GatewayHarness harness, String token, int from, int to) {
    for (int n = from; n <= to; n++) {
      HttpResponse<String> r =
          harness.post("/v1/events/orders.nats", token, "application/json", "{\"n\":" + n + "}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }
  }

  private static int n(SseClient.Message m) {
    try {
      return JSON.readTree(m.data()).get("data").get("n").asInt();
    } catch (Exception e) {
      throw new AssertionError("not a CloudEvent: " + m.data(), e);
    }
  }
}
