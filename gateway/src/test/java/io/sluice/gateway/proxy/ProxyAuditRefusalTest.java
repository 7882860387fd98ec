package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.gateway.GatewayHarness;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The audit store is unreachable and the log refuses to hold the allow decision: the proxied call
 * is answered 503 and never forwarded. No {@code CapturedLogs} here: the audit log rightly warns
 * about its store.
 */
class ProxyAuditRefusalTest {
  @Test
  void allowedCall_whenTheAuditLogRefuses_returns503AndIsNotForwarded() {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw =
            GatewayHarness.start(
                """
                audit:
                  store: {url: "jdbc:postgresql://127.0.0.1:1/nowhere", username: x}
                  onStoreFailure: refuse
                  connectTimeout: 500ms
                proxy:
                  routes:
                    - {name: orders, pathPrefix: /orders, upstream: orders}
                  pools:
                    - {name: orders, instances: %s}
                """
                    .formatted(u.instances("http")),
                new ProxyPolicy())) {
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> gw.get("/health/ready", null).statusCode() == 503);

      HttpResponse<String> response = gw.get("/orders/7", gw.token("alice"));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.body()).contains("audit-unavailable");
      assertThat(u.received).isEmpty();
    }
  }
}
