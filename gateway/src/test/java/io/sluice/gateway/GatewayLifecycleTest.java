package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.broker.ConnectionState;
import io.sluice.gateway.config.ConfigLoader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayLifecycleTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @Test
  void close_stopsAcceptingConnections_andClosesTheBroker() {
    GatewayHarness harness = GatewayHarness.start("", new TestPolicy());
    String alice = harness.token("alice");
    HttpResponse<String> before =
        harness.post("/v1/events/orders.last", alice, "application/json", "{}");

    harness.gateway().close();

    assertThat(before.statusCode()).isEqualTo(202);
    assertThat(harness.gateway().broker().state()).isEqualTo(ConnectionState.CLOSED);
    assertThatThrownBy(() -> harness.get("/health/live", null))
        .isInstanceOf(UncheckedIOException.class);
  }

  /** Access control for gateways that fail to start: its authenticator fails if ever asked. */
  private static AccessControl unusedAccessControl() {
    return AccessControl.of(
        c -> CompletableFuture.failedFuture(new IllegalStateException()), new TestPolicy(), "t");
  }

  @Test
  void start_onPortInUse_failsWithClearException() throws Exception {
    try (GatewayHarness first = GatewayHarness.start("", new TestPolicy())) {
      Path dir = Files.createTempDirectory("sluice-second");
      var config =
          ConfigLoader.parse(
              "server:\n  port: "
                  + first.gateway().port()
                  + "\nbroker:\n  url: embedded:"
                  + dir
                  + "\n",
              Map.of());
      AccessControl access = unusedAccessControl();

      assertThatThrownBy(() -> Gateway.start(config, access))
          .isInstanceOf(GatewayStartException.class)
          .hasMessageContaining("could not listen on 127.0.0.1:" + first.gateway().port());
    }
  }

  @Test
  void start_withBrokerSchemeNotOnClasspath_namesTheArtifactToAdd() {
    var config =
        ConfigLoader.parse("server:\n  port: 0\nbroker:\n  url: kafka://127.0.0.1:1\n", Map.of());
    AccessControl access = unusedAccessControl();

    assertThatThrownBy(() -> Gateway.start(config, access))
        .isInstanceOf(GatewayStartException.class)
        .hasMessageContaining("could not open the broker")
        .hasMessageContaining("sluice-kafka");
  }
}
