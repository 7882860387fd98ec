package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reconnecting streams on the embedded durable broker: no gap and no duplicate. */
class ResumeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(5);

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  GatewayHarness harness;
  String alice;

  @BeforeEach
  void start() {
    harness = GatewayHarness.startEmbedded("", new StreamPolicy());
    alice = harness.token("alice");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void reconnect_withLastEventIdHeader_resumesRightAfterIt_withoutGapOrDuplicate()
      throws Exception {
    publish(1, 5);
    List<Integer> seen = new ArrayList<>();
    String lastId;
    try (SseClient first = stream("?from=all", null)) {
      await().atMost(WAIT).until(() -> first.messages().size() >= 3);
      List<SseClient.Message> got = first.messages().subList(0, 3);
      got.forEach(m -> seen.add(n(m)));
      lastId = got.get(2).id();
    }
    publish(6, 8);

    try (SseClient second = stream("", lastId)) {
      assertThat(second.status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> second.messages().size() >= 5);
      second.messages().forEach(m -> seen.add(n(m)));
    }

    assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void reconnect_withLastEventIdQuery_resumesLikeTheHeader() throws Exception {
    publish(1, 4);
    try (SseClient all = stream("?from=all", null)) {
      await().atMost(WAIT).until(() -> all.messages().size() == 4);
      String second = all.messages().get(1).id();

      try (SseClient resumed = stream("?lastEventId=" + second, null)) {
        await().atMost(WAIT).until(() -> resumed.messages().size() >= 2);
        assertThat(resumed.messages()).extracting(this::n).containsExactly(3, 4);
      }
    }
  }

  @Test
  void firstConnect_fromSequence_startsAtThatSequence() {
    publish(1, 3);
    try (SseClient all = stream("?from=all", null)) {
      await().atMost(WAIT).until(() -> all.messages().size() == 3);
      String third = all.messages().get(2).id();
      try (SseClient from = stream("?from=" + third, null)) {
        await().atMost(WAIT).until(() -> !from.messages().isEmpty());
        assertThat(from.messages()).extracting(this::n).containsExactly(3);
      }
    }
  }

  @Test
  void firstConnect_fromTime_startsAtTheFirstEventAtOrAfterIt() {
    publish(1, 2);
    Instant between = Instant.now();
    await().atMost(WAIT).until(() -> Instant.now().isAfter(between.plusMillis(5)));
    publish(3, 4);

    try (SseClient later = stream("?from=" + between, null)) {
      await().atMost(WAIT).until(() -> later.messages().size() >= 2);
      assertThat(later.messages()).extracting(this::n).containsExactly(3, 4);
    }
  }

  @Test
  void firstConnect_withoutFrom_deliversOnlyNewEvents() {
    publish(1, 2);
    try (SseClient fresh = stream("", null)) {
      publish(3, 3);
      await().atMost(WAIT).until(() -> !fresh.messages().isEmpty());
      assertThat(fresh.messages()).extracting(this::n).containsExactly(3);
    }
  }

  private SseClient stream(String query, String lastEventId) {
    var request =
        harness
            .request("/v1/events/orders.%3E" + query)
            .timeout(WAIT)
            .header("Authorization", "Bearer " + alice);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return SseClient.open(request);
  }

  private void publish(int from, int to) {
    IntStream.rangeClosed(from, to)
        .forEach(
            n -> {
              HttpResponse<String> r =
                  harness.post(
                      "/v1/events/orders.n", alice, "application/json", "{\"n\":" + n + "}");
              assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            });
  }

  private int n(SseClient.Message m) {
    try {
      return JSON.readTree(m.data()).get("data").get("n").asInt();
    } catch (Exception e) {
      throw new AssertionError("not a CloudEvent: " + m.data(), e);
    }
  }
}
