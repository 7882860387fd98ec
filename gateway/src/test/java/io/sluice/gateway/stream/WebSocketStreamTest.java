package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.CapturedLogs;
import io.vertx.core.http.WebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WebSocket streams with credit-based flow control, read by the Vert.x WebSocket client. */
class WebSocketStreamTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(5);

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  WebSocketGateway gateway;

  @BeforeEach
  void start() {
    gateway = WebSocketGateway.start("");
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void webSocket_sendsNoMoreEventsThanGrantedCredit() throws Exception {
    List<String> frames = new CopyOnWriteArrayList<>();
    WebSocket ws = gateway.connect("/v1/ws/orders.%3E", gateway.alice());
    assertThat(ws.subProtocol()).isEqualTo("cloudevents.json");
    ws.textMessageHandler(frames::add);
    gateway.publish(5);

    ws.writeTextMessage("{\"credit\": 2}");
    await().atMost(WAIT).until(() -> frames.size() == 2);
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> frames.size() == 2);

    ws.writeTextMessage("{\"credit\": 10}");
    await().atMost(WAIT).until(() -> frames.size() == 5);
    JsonNode first = JSON.readTree(frames.get(0));
    assertThat(first.get("type").asText()).isEqualTo("orders.ws");
    assertThat(first.get("data").get("n").asInt()).isEqualTo(1);
    assertThat(first.get("resumeid").asText()).matches("\\d+");
    assertThat(frames)
        .extracting(f -> JSON.readTree(f).get("data").get("n").asInt())
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void webSocket_resumesAfterLastEventId_withoutGapOrDuplicate() throws Exception {
    gateway.publish(4);
    List<String> frames = new CopyOnWriteArrayList<>();
    WebSocket all = gateway.connect("/v1/ws/orders.%3E?from=all", gateway.alice());
    all.textMessageHandler(frames::add);
    all.writeTextMessage("{\"credit\": 2}");
    await().atMost(WAIT).until(() -> frames.size() == 2);
    String resume = JSON.readTree(frames.get(1)).get("resumeid").asText();
    all.close().await(5, TimeUnit.SECONDS);

    List<String> rest = new CopyOnWriteArrayList<>();
    WebSocket again = gateway.connect("/v1/ws/orders.%3E?lastEventId=" + resume, gateway.alice());
    again.textMessageHandler(rest::add);
    again.writeTextMessage("{\"credit\": 100}");
    await().atMost(WAIT).until(() -> rest.size() == 2);
    assertThat(rest)
        .extracting(f -> JSON.readTree(f).get("data").get("n").asInt())
        .containsExactly(3, 4);
  }

  @Test
  void webSocket_forDeniedPattern_isRefusedWith403BeforeTheUpgrade() {
    URI uri =
        URI.create(
            gateway.harness().gateway().baseUrl().replace("http", "ws")
                + "/v1/ws/orders.secret.%3E");
    try (HttpClient http = HttpClient.newHttpClient()) {
      var handshake =
          http.newWebSocketBuilder()
              .header("Authorization", "Bearer " + gateway.alice())
              .subprotocols("cloudevents.json")
              .buildAsync(uri, new java.net.http.WebSocket.Listener() {});

      assertThatThrownBy(handshake::join)
          .hasCauseInstanceOf(WebSocketHandshakeException.class)
          .satisfies(
              e ->
                  assertThat(
                          ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                      .isEqualTo(403));
    }
  }

  @Test
  void webSocket_withInvalidCreditMessage_isClosedWithPolicyViolation() throws Exception {
    WebSocket ws = gateway.connect("/v1/ws/orders.%3E", gateway.alice());
    List<Short> codes = new CopyOnWriteArrayList<>();
    ws.closeHandler(v -> codes.add(ws.closeStatusCode()));

    ws.writeTextMessage("more please");

    await().atMost(WAIT).until(() -> !codes.isEmpty());
    assertThat(codes).containsExactly((short) 1008);
  }
}
