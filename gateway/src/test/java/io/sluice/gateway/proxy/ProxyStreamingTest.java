package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProxyStreamingTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  private static String yaml(UpstreamServers u) {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: feed, pathPrefix: /feed, upstream: feed, timeout: 10s}\n"
        + "  pools:\n"
        + "    - {name: feed, instances: "
        + u.instances("http")
        + "}\n";
  }

  @Test
  void chunkedResponse_firstChunkReachesTheCaller_beforeTheUpstreamFinishes() throws Exception {
    Promise<Void> finish = Promise.promise();
    try (UpstreamServers u =
            UpstreamServers.start(
                1,
                (i, req) -> {
                  req.response().setChunked(true).write("first-chunk\n");
                  finish.future().onComplete(v -> req.response().end("last-chunk\n"));
                });
        GatewayHarness gw = GatewayHarness.start(yaml(u), new ProxyPolicy());
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<InputStream> response =
          http.send(
              gw.request("/feed/live")
                  .header("Authorization", "Bearer " + gw.token("alice"))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        byte[] first = body.readNBytes("first-chunk\n".length());

        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("first-chunk\n");
        assertThat(finish.future().isComplete()).isFalse();
        u.vertx().runOnContext(v -> finish.complete());
        assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("last-chunk\n");
      }
    }
  }

  @Test
  void requestBody_isStreamedToTheUpstream() {
    try (UpstreamServers u =
            UpstreamServers.start(
                1, (i, req) -> req.body().onSuccess(b -> req.response().end("got " + b.length())));
        GatewayHarness gw = GatewayHarness.start(yaml(u), new ProxyPolicy())) {
      String big = "x".repeat(3_000_000);

      var response = gw.post("/feed/upload", gw.token("alice"), "text/plain", big);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("got 3000000");
    }
  }

  @Test
  void webSocketUpgrade_isPassedThrough_withTheVerifiedIdentity() {
    try (UpstreamServers u =
            UpstreamServers.start(
                1,
                (i, req) ->
                    req.toWebSocket()
                        .onSuccess(
                            ws ->
                                ws.textMessageHandler(
                                    m ->
                                        ws.writeTextMessage(
                                            "echo "
                                                + m
                                                + " for "
                                                + req.getHeader("Sluice-Identity-Id")))));
        GatewayHarness gw = GatewayHarness.start(yaml(u), new ProxyPolicy())) {
      WebSocketClient client = u.vertx().createWebSocketClient();
      WebSocketConnectOptions options =
          new WebSocketConnectOptions()
              .setHost("127.0.0.1")
              .setPort(gw.gateway().port())
              .setURI("/feed/socket")
              .addHeader("Authorization", "Bearer " + gw.token("alice"));
      Promise<String> reply = Promise.promise();
      WebSocket ws = UpstreamServers.await(client.connect(options));
      ws.textMessageHandler(reply::tryComplete);
      ws.writeTextMessage("hello");

      assertThat(UpstreamServers.await(reply.future())).isEqualTo("echo hello for alice");
      UpstreamServers.await(ws.close());
    }
  }
}
