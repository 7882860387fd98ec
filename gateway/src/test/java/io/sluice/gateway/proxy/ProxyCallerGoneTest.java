package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A caller that hangs up while a large response is still streaming: the gateway stops relaying,
 * aborts the upstream request, frees the pooled connection, logs no error and audits the call as
 * {@value Forwarder#CALLER_GONE}.
 */
class ProxyCallerGoneTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  private static final Buffer CHUNK = Buffer.buffer("x".repeat(64 * 1024));

  private final AtomicInteger aborted = new AtomicInteger();

  private static String yaml(UpstreamServers u) {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: feed, pathPrefix: /feed, upstream: feed, timeout: 10s, retries: 0}\n"
        + "  pools:\n"
        + "    - {name: feed, maxConnections: 1, instances: "
        + u.instances("http")
        + "}\n";
  }

  /** {@code /feed/endless} streams 64 KiB chunks as fast as the gateway takes them; else "ok". */
  private void answer(HttpServerRequest req) {
    if (!req.path().equals("/feed/endless")) {
      req.response().end("ok");
      return;
    }
    HttpServerResponse res = req.response().setChunked(true);
    res.closeHandler(v -> aborted.incrementAndGet());
    stream(res);
  }

  private static void stream(HttpServerResponse res) {
    if (res.closed() || res.ended()) {
      return;
    }
    res.write(CHUNK);
    if (res.writeQueueFull()) {
      res.drainHandler(v -> stream(res));
    } else {
      Vertx.currentContext().runOnContext(v -> stream(res));
    }
  }

  @Test
  void callerHangsUpMidResponse_upstreamIsAborted_poolIsFree_callIsAudited499() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, (i, req) -> answer(req));
        GatewayHarness gw = GatewayHarness.start(yaml(u), new ProxyPolicy())) {
      String token = gw.token("alice");
      for (int round = 1; round <= 5; round++) {
        hangUpAfterFirstBytes(gw, token);
        int expected = round;
        await().atMost(Duration.ofSeconds(5)).until(() -> aborted.get() >= expected);
      }

      assertThat(gw.get("/feed/after", token).body()).isEqualTo("ok");
      await().atMost(Duration.ofSeconds(5)).until(() -> ProxyAuditTest.outcomes(gw).size() == 6);
      assertThat(ProxyAuditTest.outcomes(gw))
          .extracting(ProxyAuditTest.Row::status)
          .containsExactly(499, 499, 499, 499, 499, 200);
      assertThat(ProxyAuditTest.proxyRecords(gw)).hasSize(6);
      assertThat(logs.accessLines())
          .extracting(line -> String.valueOf(line.getKeyValuePairs()))
          .filteredOn(kv -> kv.contains("status=\"499\""))
          .hasSize(5)
          .allMatch(kv -> kv.contains("upstream=\"127.0.0.1:" + u.port(0) + "\""));
    }
  }

  /** Sends the request, reads a little of the answer, stops reading, then closes the socket. */
  private static void hangUpAfterFirstBytes(GatewayHarness gw, String token) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", gw.gateway().port())) {
      socket.setReceiveBufferSize(4096);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /feed/endless HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + token
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      assertThat(in.readNBytes(1024)).hasSize(1024);
    }
  }
}
