package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.CapturedLogs;
import io.vertx.core.http.WebSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WebSocket streams opened with a ticket, and a client that grants no credit. */
class WebSocketLimitsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(5);

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  WebSocketGateway gateway;

  @BeforeEach
  void start() {
    gateway = WebSocketGateway.start("streaming:\n  bufferEvents: 3\n");
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void webSocket_withTicketInsteadOfHeader_streamsEvents() throws Exception {
    String path = issueTicket().get("websocket").asText();
    List<String> frames = new CopyOnWriteArrayList<>();
    WebSocket ws = gateway.connect(path);
    ws.textMessageHandler(frames::add);
    ws.writeTextMessage("{\"credit\": 5}");

    gateway.publish(1);

    await().atMost(WAIT).until(() -> frames.size() == 1);
    assertThat(JSON.readTree(frames.get(0)).get("authid").asText()).isEqualTo("alice");
  }

  @Test
  void webSocket_thatGrantsNoCredit_isClosedWithOverflowOnceTheBufferFills() throws Exception {
    List<String> frames = new CopyOnWriteArrayList<>();
    List<Short> codes = new CopyOnWriteArrayList<>();
    WebSocket ws =
        gateway.connect("/v1/ws/orders.%3E?ticket=" + issueTicket().get("ticket").asText());
    ws.textMessageHandler(frames::add);
    ws.closeHandler(v -> codes.add(ws.closeStatusCode()));

    gateway.publish(3);

    await().atMost(WAIT).until(() -> !codes.isEmpty());
    assertThat(codes).containsExactly((short) 1013);
    assertThat(frames).hasSize(1);
    JsonNode overflow = JSON.readTree(frames.get(0));
    assertThat(overflow.get("type").asText()).isEqualTo("sluice.overflow");
    assertThat(overflow.get("lastEventId").asText()).matches("\\d+");
  }

  /**
   * A ticket for alice to stream {@code orders.>}: its {@code ticket} and {@code websocket} path.
   */
  private JsonNode issueTicket() throws Exception {
    HttpResponse<String> issued =
        gateway
            .harness()
            .post(
                "/v1/stream-tickets",
                gateway.alice(),
                "application/json",
                "{\"pattern\":\"orders.>\"}");
    return JSON.readTree(issued.body());
  }
}
