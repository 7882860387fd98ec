package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.gateway.proxy.ProxyAuditTest.Row;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every proxied call is one audit record, however it ends: the held allow decision is completed
 * once with the outcome (identity, route, method, path, status, latency, rule), and a refused call
 * is one denied record. Each test waits for the records, then checks that no further one follows.
 */
@DisplayName("Proxy audit: one record per call")
class ProxyAuditEndingsTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  /** Route {@code orders} to {@code instances}; route {@code gone} to an instance nobody serves. */
  private static String yaml(String instances, String timeout, int retries) throws Exception {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: gone, pathPrefix: /gone, upstream: gone}\n"
        + "    - {name: orders, pathPrefix: /orders, upstream: orders, timeout: "
        + timeout
        + ", retries: "
        + retries
        + "}\n"
        + "  pools:\n"
        + "    - {name: orders, instances: "
        + instances
        + ", connectTimeout: 2s, healthCheck: {unhealthyAfter: 1, interval: 1m}}\n"
        + "    - {name: gone, instances: "
        + closedInstance()
        + ", healthCheck: {unhealthyAfter: 1, interval: 1m}}\n";
  }

  private static String closedInstance() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return "[\"http://127.0.0.1:" + s.getLocalPort() + "\"]";
    }
  }

  /** Waits for exactly {@code count} proxy records, and checks that no more arrive. */
  private static List<Row> records(GatewayHarness gw, int count) throws Exception {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ProxyAuditTest.proxyRecords(gw).size() >= count);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> ProxyAuditTest.proxyRecords(gw).size() == count);
    return ProxyAuditTest.proxyRecords(gw);
  }

  private static void assertOutcome(Row row, int status, String path, String upstream) {
    assertThat(row.identity()).isEqualTo("alice");
    assertThat(row.outcome()).isEqualTo("allowed");
    assertThat(row.status()).isEqualTo(status);
    assertThat(row.rule()).isEqualTo(ProxyPolicy.RULE);
    assertThat(row.receipt())
        .matches(
            "route=orders method=GET path="
                + path
                + " upstream="
                + upstream
                + " latencyMicros=[1-9][0-9]* attempts=[0-9]+");
  }

  @Test
  void answeredCalls_areOneRecordEach_withTheirOutcome() throws Exception {
    BiConsumer<Integer, HttpServerRequest> created =
        (i, req) -> req.response().setStatusCode(req.path().endsWith("/1") ? 201 : 404).end();
    try (UpstreamServers u = UpstreamServers.start(1, created);
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), "5s", 0), new ProxyPolicy())) {
      String token = gw.token("alice");
      for (int i = 1; i <= 20; i++) {
        gw.get("/orders/" + i, token);
      }

      List<Row> rows = records(gw, 20);
      assertOutcome(rows.get(0), 201, "/orders/1", "127.0.0.1:" + u.port(0));
      assertThat(rows.subList(1, 20)).extracting(Row::status).containsOnly(404);
      assertThat(rows).extracting(Row::error).containsOnlyNulls();
    }
  }

  @Test
  void deniedCalls_areOneDeniedRecordEach() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), "5s", 0), new ProxyPolicy())) {
      assertThat(gw.get("/orders/1", gw.token("bob")).statusCode()).isEqualTo(403);
      assertThat(gw.get("/orders/2", null).statusCode()).isEqualTo(401);

      List<Row> rows = records(gw, 2);
      assertThat(rows).extracting(Row::outcome).containsOnly("denied");
      assertThat(rows).extracting(Row::status).containsExactly(403, 401);
      assertThat(rows.get(0).rule()).isEqualTo("default-deny");
      assertThat(u.received).isEmpty();
    }
  }

  @Test
  void unreachableUpstream_isOneRecord_502() throws Exception {
    try (GatewayHarness gw =
        GatewayHarness.start(yaml(closedInstance(), "5s", 0), new ProxyPolicy())) {
      assertThat(gw.get("/orders/7", gw.token("alice")).statusCode()).isEqualTo(502);

      Row row = records(gw, 1).get(0);
      assertOutcome(row, 502, "/orders/7", "none");
      assertThat(row.error()).isEqualTo("no upstream answered");
    }
  }

  @Test
  void everyInstanceEjected_isOneRecord_503() throws Exception {
    try (GatewayHarness gw =
        GatewayHarness.start(yaml(closedInstance(), "5s", 0), new ProxyPolicy())) {
      String token = gw.token("alice");
      assertThat(gw.get("/orders/1", token).statusCode()).isEqualTo(502);
      assertThat(gw.get("/orders/2", token).statusCode()).isEqualTo(503);

      List<Row> rows = records(gw, 2);
      assertThat(rows).extracting(Row::status).containsExactly(502, 503);
      assertOutcome(rows.get(1), 503, "/orders/2", "none");
    }
  }

  @Test
  void upstreamTimeout_isOneRecord_504() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, (i, req) -> {});
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), "300ms", 0), new ProxyPolicy())) {
      assertThat(gw.get("/orders/7", gw.token("alice")).statusCode()).isEqualTo(504);

      assertOutcome(records(gw, 1).get(0), 504, "/orders/7", "none");
    }
  }

  @Test
  void retriesExhausted_isOneRecord_withEveryAttempt() throws Exception {
    try (UpstreamServers u =
            UpstreamServers.start(2, (i, req) -> req.response().setStatusCode(503).end());
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), "5s", 1), new ProxyPolicy())) {
      assertThat(gw.get("/orders/7", gw.token("alice")).statusCode()).isEqualTo(503);

      Row row = records(gw, 1).get(0);
      assertThat(row.status()).isEqualTo(503);
      assertThat(row.receipt()).endsWith("attempts=2");
      assertThat(u.received).hasSize(2);
    }
  }

  @Test
  void streamedResponse_isOneRecord_afterItsLastChunk() throws Exception {
    try (UpstreamServers u =
            UpstreamServers.start(
                1,
                (i, req) -> {
                  req.response().setChunked(true).write("first\n");
                  Vertx.currentContext().owner().setTimer(200, t -> req.response().end("last\n"));
                });
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), "5s", 0), new ProxyPolicy());
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<InputStream> response =
          http.send(
              gw.request("/orders/7")
                  .header("Authorization", "Bearer " + gw.token("alice"))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("first\nlast\n");
      }

      Row row = records(gw, 1).get(0);
      assertOutcome(row, 200, "/orders/7", "127.0.0.1:" + u.port(0));
      assertThat(Long.parseLong(row.receipt().replaceAll(".*latencyMicros=([0-9]+).*", "$1")))
          .isGreaterThanOrEqualTo(200_000);
    }
  }

  @Test
  void webSocketUpgrades_areOneRecordEach_101_502_503() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, (i, req) -> req.toWebSocket());
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), "5s", 0), new ProxyPolicy())) {
      String token = gw.token("alice");
      WebSocketClient client = u.vertx().createWebSocketClient();
      WebSocketConnectOptions options =
          new WebSocketConnectOptions()
              .setHost("127.0.0.1")
              .setPort(gw.gateway().port())
              .setURI("/orders/ws")
              .addHeader("Authorization", "Bearer " + token);
      UpstreamServers.await(UpstreamServers.await(client.connect(options)).close());
      assertThat(upgradeStatusLine(gw, "/gone/ws", token)).contains(" 502 ");
      assertThat(upgradeStatusLine(gw, "/gone/ws", token)).contains(" 503 ");

      List<Row> rows = records(gw, 3);
      assertThat(rows).extracting(Row::status).containsExactly(101, 502, 503);
      assertOutcome(rows.get(0), 101, "/orders/ws", "127.0.0.1:" + u.port(0));
      assertThat(rows.subList(1, 3)).extracting(Row::outcome).containsOnly("allowed");
    }
  }

  /** Asks for a WebSocket upgrade over a plain socket and returns the status line of the answer. */
  private static String upgradeStatusLine(GatewayHarness gw, String path, String token)
      throws Exception {
    try (Socket socket = new Socket("127.0.0.1", gw.gateway().port())) {
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n"
                      + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Authorization: Bearer "
                      + token
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }
}
