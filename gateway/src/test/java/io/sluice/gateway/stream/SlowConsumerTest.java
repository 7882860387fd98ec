package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.broker.AckMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.subject.Subject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that stops reading fills its socket, then the stream's bounded buffer; it is
 * disconnected with a final {@code sluice.overflow} message naming the id to resume after.
 */
class SlowConsumerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(10);
  static final Pattern ID = Pattern.compile("^id: (\\d+)$", Pattern.MULTILINE);
  static final int EVENTS = 400;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  GatewayHarness harness;
  String alice;

  @BeforeEach
  void start() {
    harness = GatewayHarness.start("streaming:\n  bufferEvents: 4\n", new StreamPolicy());
    alice = harness.token("alice");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void clientThatStopsReading_isDisconnectedWithOverflowAndResumeId_thenResumesWithoutGap()
      throws Exception {
    String seen;
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", harness.gateway().port()));
      socket.setSoTimeout((int) WAIT.toMillis());
      socket.getOutputStream().write(request().getBytes(StandardCharsets.US_ASCII));
      readUntil(socket.getInputStream(), ": stream open");

      publishLargeEvents();
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(harness.get("/metrics", null).body())
                      .contains("sluice_stream_overflows_total{transport=\"sse\"} 1.0"));
      seen = readUntil(socket.getInputStream(), "event: sluice.overflow");
    }

    List<Long> ids = ids(seen);
    long resumeId = ids.getLast();
    assertThat(ids.size()).isBetween(2, EVENTS);
    assertThat(ids).as("delivered ids are contiguous").isEqualTo(range(ids.getFirst(), ids.size()));
    assertThat(ids.get(ids.size() - 2))
        .as("the overflow names the last delivered id")
        .isEqualTo(resumeId);

    try (SseClient resumed =
        SseClient.open(
            harness
                .request("/v1/events/orders.%3E")
                .header("Authorization", "Bearer " + alice)
                .header("Last-Event-ID", Long.toString(resumeId)))) {
      await().atMost(WAIT).until(() -> !resumed.messages().isEmpty());
      assertThat(Long.parseLong(resumed.messages().getFirst().id())).isEqualTo(resumeId + 1);
    }
  }

  private String request() {
    return "GET /v1/events/orders.%3E HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        + "Authorization: Bearer "
        + alice
        + "\r\n\r\n";
  }

  private void publishLargeEvents() {
    byte[] payload = new byte[16 * 1024];
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      CloudEvent event =
          CloudEvent.builder()
              .id(UUID.randomUUID().toString())
              .source("/test")
              .type("orders.large")
              .data("application/octet-stream", payload)
              .build();
      sent.add(
          harness
              .gateway()
              .broker()
              .publish(Subject.of("orders.large"), event, AckMode.DURABLE)
              .toCompletableFuture());
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
  }

  /** Reads until {@code marker} and the end of its message have arrived. */
  private static String readUntil(InputStream in, String marker) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] chunk = new byte[65536];
    while (true) {
      int n = in.read(chunk);
      if (n < 0) {
        break;
      }
      bytes.write(chunk, 0, n);
      String text = bytes.toString(StandardCharsets.UTF_8);
      int at = text.indexOf(marker);
      if (at >= 0 && text.indexOf("\n\n", at) > 0) {
        return text;
      }
    }
    throw new AssertionError("the stream ended before '" + marker + "'");
  }

  /** The ids of every message, the overflow's last. */
  private static List<Long> ids(String stream) {
    List<Long> ids = new ArrayList<>();
    Matcher m = ID.matcher(stream.replace("\r", ""));
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private static List<Long> range(long first, int count) {
    List<Long> all = new ArrayList<>();
    for (int i = 0; i < count - 1; i++) {
      all.add(first + i);
    }
    all.add(first + count - 2);
    return all;
  }
}
