package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WebSocket streams opened with a ticket, and a client that grants no credit. */
class WebSocketLimitsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(5);

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  GatewayHarness harness;
  Vertx vertx;
  WebSocketClient client;
  String alice;

  @BeforeEach
  void start() {
    harness = GatewayHarness.start("streaming:\n  bufferEvents: 3\n", new StreamPolicy());
    alice = harness.token("alice");
    vertx = Vertx.vertx();
    client = vertx.createWebSocketClient();
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
    harness.close();
  }

  @Test
  void webSocket_withTicketInsteadOfHeader_streamsEvents() throws Exception {
    HttpResponse<String> issued =
        harness.post("/v1/stream-tickets", alice, "application/json", "{\"pattern\":\"orders.>\"}");
    String path = JSON.readTree(issued.body()).get("websocket").asText();
    List<String> frames = new CopyOnWriteArrayList<>();
    WebSocket ws = connect(path);
    ws.textMessageHandler(frames::add);
    ws.writeTextMessage("{\"credit\": 5}");

    publish(1);

    await().atMost(WAIT).until(() -> frames.size() == 1);
    assertThat(JSON.readTree(frames.get(0)).get("authid").asText()).isEqualTo("alice");
  }

  @Test
  void webSocket_thatGrantsNoCredit_isClosedWithOverflowOnceTheBufferFills() throws Exception {
    List<String> frames = new CopyOnWriteArrayList<>();
    List<Short> codes = new CopyOnWriteArrayList<>();
    WebSocket ws = connect("/v1/ws/orders.%3E?ticket=" + ticket());
    ws.textMessageHandler(frames::add);
    ws.closeHandler(v -> codes.add(ws.closeStatusCode()));

    publish(3);

    await().atMost(WAIT).until(() -> !codes.isEmpty());
    assertThat(codes).containsExactly((short) 1013);
    assertThat(frames).hasSize(1);
    JsonNode overflow = JSON.readTree(frames.get(0));
    assertThat(overflow.get("type").asText()).isEqualTo("sluice.overflow");
    assertThat(overflow.get("lastEventId").asText()).matches("\\d+");
  }

  private String ticket() throws Exception {
    HttpResponse<String> issued =
        harness.post("/v1/stream-tickets", alice, "application/json", "{\"pattern\":\"orders.>\"}");
    return JSON.readTree(issued.body()).get("ticket").asText();
  }

  private WebSocket connect(String path) throws Exception {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(harness.gateway().port())
            .setURI(path)
            .addSubProtocol("cloudevents.json");
    return client.connect(options).await(5, TimeUnit.SECONDS);
  }

  private void publish(int count) {
    for (int n = 1; n <= count; n++) {
      HttpResponse<String> r =
          harness.post("/v1/events/orders.ws", alice, "application/json", "{\"n\":" + n + "}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }
  }
}
