package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sluice.gateway.GatewayHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A call whose event cannot be published still gets its response; the failure is counted, logged at
 * WARN once and then at DEBUG, and named in the call's audit record. (No {@code CapturedLogs} here:
 * the WARN is the point.)
 */
class ProxyEmitFailureTest {
  private final Logger log = (Logger) LoggerFactory.getLogger(CallEvents.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void capture() {
    appender.start();
    log.addAppender(appender);
    log.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    log.detachAppender(appender);
    log.setLevel(null);
  }

  @Test
  void failedEmit_isCounted_loggedOnceAtWarn_andAudited() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw =
            GatewayHarness.start(ProxyEmitTest.yaml(u, "durable"), new ProxyPolicy())) {
      gw.gateway().broker().close();
      String token = gw.token("alice");

      assertThat(gw.get("/orders/1", token).statusCode()).isEqualTo(200);
      assertThat(gw.get("/orders/2", token).statusCode()).isEqualTo(200);

      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(gw.get("/metrics", null).body())
                      .contains("sluice_proxy_emit_failures_total{route=\"orders\"} 2.0"));
      await().atMost(Duration.ofSeconds(5)).until(() -> ProxyAuditTest.outcomes(gw).size() == 2);
      assertThat(ProxyAuditTest.outcomes(gw))
          .allSatisfy(
              r -> assertThat(r.error()).startsWith("emit to api.calls.orders failed: Broker"));
      assertThat(appender.list)
          .extracting(ILoggingEvent::getLevel)
          .containsExactly(Level.WARN, Level.DEBUG);
      assertThat(appender.list.get(0).getFormattedMessage())
          .contains("route orders")
          .contains("api.calls.orders")
          .doesNotContain(token);
    }
  }
}
