package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.GatewayHarness;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * A gateway under {@link StreamPolicy} with a Vert.x WebSocket client: {@link #connect} opens a
 * {@code cloudevents.json} stream, {@link #publish} posts numbered events to {@code orders.ws} as
 * alice.
 */
final class WebSocketGateway implements AutoCloseable {
  private final GatewayHarness harness;
  private final String alice;
  private final Vertx vertx = Vertx.vertx();
  private final WebSocketClient client = vertx.createWebSocketClient();

  private WebSocketGateway(GatewayHarness harness) {
    this.harness = harness;
    this.alice = harness.token("alice");
  }

  /** A gateway with the given YAML added to its configuration. */
  static WebSocketGateway start(String extraYaml) {
    return new WebSocketGateway(GatewayHarness.start(extraYaml, new StreamPolicy()));
  }

  GatewayHarness harness() {
    return harness;
  }

  /** A token for alice, whom {@link StreamPolicy} lets publish and stream {@code orders.>}. */
  String alice() {
    return alice;
  }

  /** Connects without an {@code Authorization} header (the path carries a ticket, or nothing). */
  WebSocket connect(String path) throws Exception {
    return connect(options(path));
  }

  /** Connects with {@code Authorization: Bearer token}. */
  WebSocket connect(String path, String token) throws Exception {
    return connect(options(path).addHeader("Authorization", "Bearer " + token));
  }

  private WebSocketConnectOptions options(String path) {
    return new WebSocketConnectOptions()
        .setHost("127.0.0.1")
        .setPort(harness.gateway().port())
        .setURI(path)
        .addSubProtocol("cloudevents.json");
  }

  private WebSocket connect(WebSocketConnectOptions options) throws Exception {
    return client.connect(options).await(5, TimeUnit.SECONDS);
  }

  /** Publishes {@code {"n":1}} to {@code {"n":count}} to {@code orders.ws}, each accepted. */
  void publish(int count) {
    for (int n = 1; n <= count; n++) {
      HttpResponse<String> r =
          harness.post("/v1/events/orders.ws", alice, "application/json", "{\"n\":" + n + "}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      client.close().await(5, TimeUnit.SECONDS);
      vertx.close().await(5, TimeUnit.SECONDS);
    } finally {
      harness.close();
    }
  }
}
