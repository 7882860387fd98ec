package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProxyBalancingTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  private static String yaml(UpstreamServers u, String balance, String health) {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: orders, pathPrefix: /orders, upstream: orders, timeout: 5s, retries: 0}\n"
        + "  pools:\n"
        + "    - {name: orders, balance: "
        + balance
        + ", instances: "
        + u.instances("http")
        + health
        + "}\n";
  }

  @Test
  void roundRobin_spreadsRequestsEvenlyOverInstances() {
    try (UpstreamServers u = UpstreamServers.start(3, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u, "round-robin", ""), new ProxyPolicy())) {
      String token = gw.token("alice");
      List<String> bodies =
          java.util.stream.IntStream.range(0, 6)
              .mapToObj(i -> gw.get("/orders/" + i, token).body())
              .toList();

      assertThat(bodies)
          .containsOnly("instance-0", "instance-1", "instance-2")
          .filteredOn("instance-0"::equals)
          .hasSize(2);
      assertThat(u.receivedBy(1)).hasSize(2);
      assertThat(u.receivedBy(2)).hasSize(2);
    }
  }

  @Test
  void leastRequests_sendsToTheInstanceWithNothingInFlight() {
    Promise<Void> release = Promise.promise();
    try (UpstreamServers u =
            UpstreamServers.start(
                2,
                (i, req) -> {
                  if (req.path().equals("/orders/slow")) {
                    release.future().onComplete(v -> req.response().end("slow-" + i));
                  } else {
                    req.response().end("instance-" + i);
                  }
                });
        GatewayHarness gw =
            GatewayHarness.start(yaml(u, "least-requests", ""), new ProxyPolicy())) {
      String token = gw.token("alice");
      CompletableFuture<HttpResponse<String>> slow =
          CompletableFuture.supplyAsync(() -> gw.get("/orders/slow", token));
      await().until(() -> u.received.size() == 1);
      int busy = u.received.peek().instance();

      List<String> fast =
          List.of(gw.get("/orders/a", token).body(), gw.get("/orders/b", token).body());

      assertThat(fast).containsOnly("instance-" + (1 - busy));
      u.vertx().runOnContext(v -> release.complete());
      assertThat(slow.join().body()).isEqualTo("slow-" + busy);
    }
  }

  @Test
  void deadInstance_isEjected_thenReadmittedByHealthChecks() {
    String health =
        ", healthCheck: {path: /health, interval: 100ms, unhealthyAfter: 1, healthyAfter: 1}";
    try (UpstreamServers u = UpstreamServers.start(2, UpstreamServers.whoAmI());
        GatewayHarness gw =
            GatewayHarness.start(yaml(u, "round-robin", health), new ProxyPolicy())) {
      String token = gw.token("alice");
      int deadPort = u.port(1);
      u.kill(1);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(gw.get("/metrics", null).body())
                      .contains("sluice_proxy_ejections_total"));

      for (int i = 0; i < 4; i++) {
        assertThat(gw.get("/orders/" + i, token).body()).isEqualTo("instance-0");
      }

      u.listen(1, deadPort, new HttpServerOptions(), UpstreamServers.whoAmI());
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> assertThat(gw.get("/orders/x", token).body()).isEqualTo("instance-1"));
    }
  }

  @Test
  void instanceFailingConnects_isEjectedPassively_andReadmittedWhenItsTrialSucceeds() {
    String passive = ", healthCheck: {interval: 300ms, unhealthyAfter: 2}";
    String yaml = retryingYaml(passive);
    try (UpstreamServers u = UpstreamServers.start(2, UpstreamServers.whoAmI())) {
      try (GatewayHarness gw =
          GatewayHarness.start(yaml.replace("INSTANCES", u.instances("http")), new ProxyPolicy())) {
        String token = gw.token("alice");
        int deadPort = u.port(1);
        u.kill(1);
        for (int i = 0; i < 6; i++) {
          assertThat(gw.get("/orders/" + i, token).body()).isEqualTo("instance-0");
        }
        assertThat(gw.get("/metrics", null).body())
            .contains(
                "sluice_proxy_ejections_total{pool=\"orders\",upstream=\"127.0.0.1:" + deadPort);

        u.listen(1, deadPort, new HttpServerOptions(), UpstreamServers.whoAmI());
        await()
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(
                () -> assertThat(gw.get("/orders/x", token).body()).isEqualTo("instance-1"));
      }
    }
  }

  private static String retryingYaml(String health) {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: orders, pathPrefix: /orders, upstream: orders, retries: 1}\n"
        + "  pools:\n"
        + "    - {name: orders, instances: INSTANCES"
        + health
        + "}\n";
  }
}
