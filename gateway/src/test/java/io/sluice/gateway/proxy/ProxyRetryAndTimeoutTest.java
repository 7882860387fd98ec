package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.vertx.core.http.HttpServerRequest;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProxyRetryAndTimeoutTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  /** Instance 0 answers 503, instance 1 answers 200. */
  private static final BiConsumer<Integer, HttpServerRequest> FIRST_UNAVAILABLE =
      (i, req) -> req.response().setStatusCode(i == 0 ? 503 : 200).end("instance-" + i);

  private static String yaml(String instances, String timeout, int retries) {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: orders, pathPrefix: /orders, upstream: orders, timeout: "
        + timeout
        + ", retries: "
        + retries
        + "}\n"
        + "  pools:\n"
        + "    - {name: orders, instances: "
        + instances
        + ", connectTimeout: 2s, healthCheck: {unhealthyAfter: 50}}\n";
  }

  @Test
  void get_answered503_isRetriedOnAnotherInstance() {
    try (UpstreamServers u = UpstreamServers.start(2, FIRST_UNAVAILABLE);
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), "5s", 1), new ProxyPolicy())) {
      String token = gw.token("alice");
      List<Integer> statuses =
          List.of(gw.get("/orders/1", token).statusCode(), gw.get("/orders/2", token).statusCode());

      assertThat(statuses).containsOnly(200);
      assertThat(u.receivedBy(0)).isNotEmpty();
    }
  }

  @Test
  void post_answered503_isNeverRetried() {
    try (UpstreamServers u = UpstreamServers.start(2, FIRST_UNAVAILABLE);
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), "5s", 1), new ProxyPolicy())) {
      String token = gw.token("alice");
      List<Integer> statuses =
          List.of(
              gw.post("/orders", token, "application/json", "{}").statusCode(),
              gw.post("/orders", token, "application/json", "{}").statusCode());

      assertThat(statuses).containsExactlyInAnyOrder(200, 503);
      assertThat(u.received).hasSize(2);
    }
  }

  @Test
  void get_toAnInstanceThatRefusesConnections_isRetriedOnTheNext() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI())) {
      String instances =
          "[\"http://127.0.0.1:" + closedPort + "\", \"http://127.0.0.1:" + u.port(0) + "\"]";
      try (GatewayHarness gw = GatewayHarness.start(yaml(instances, "5s", 1), new ProxyPolicy())) {
        String token = gw.token("alice");
        for (int i = 0; i < 4; i++) {
          assertThat(gw.get("/orders/" + i, token).body()).isEqualTo("instance-0");
        }
      }
    }
  }

  @Test
  void upstreamSlowerThanTheRouteTimeout_returns504Problem() {
    try (UpstreamServers u = UpstreamServers.start(1, (i, req) -> {});
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), "300ms", 0), new ProxyPolicy())) {
      var response = gw.get("/orders/1", gw.token("alice"));

      assertThat(response.statusCode()).isEqualTo(504);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.body()).contains("upstream-timeout").contains("300 ms");
    }
  }

  @Test
  void noInstanceLeft_returns502NamingTheRoute() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String instances = "[\"http://127.0.0.1:" + closedPort + "\"]";
    try (GatewayHarness gw = GatewayHarness.start(yaml(instances, "5s", 0), new ProxyPolicy())) {
      var response =
          gw.send(
              gw.request("/orders/1")
                  .header("Authorization", "Bearer " + gw.token("alice"))
                  .method("DELETE", HttpRequest.BodyPublishers.noBody()));

      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(response.body()).contains("route orders").contains("could not connect");
    }
  }
}
