package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.SubjectPattern;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The audit store is unreachable (nothing listens on its port) and the log refuses: the gateway
 * fails closed. No {@link CapturedLogs} here: the audit log rightly warns about its store.
 */
class AuditRefusalTest {
  static final String UNREACHABLE =
      """
      audit:
        store: {url: "jdbc:postgresql://127.0.0.1:1/nowhere", username: x}
        onStoreFailure: refuse
        connectTimeout: 500ms
      """;

  @Test
  void publish_whenTheAuditStoreIsUnreachable_returns503AndPublishesNothing() {
    try (GatewayHarness harness = GatewayHarness.start(UNREACHABLE, new TestPolicy())) {
      List<CloudEvent> received = new CopyOnWriteArrayList<>();
      Subscription subscription =
          harness
              .gateway()
              .broker()
              .subscribe(
                  SubjectPattern.of(">"),
                  SubscribeOptions.defaults(),
                  d -> {
                    received.add(d.event());
                    d.ack();
                  });
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> harness.get("/health/ready", null).statusCode() == 503);

      HttpResponse<String> response =
          harness.post(
              "/v1/events/orders.refused",
              harness.token("alice"),
              "application/cloudevents+json",
              "{\"specversion\":\"1.0\",\"id\":\"r-1\",\"source\":\"/s\",\"type\":\"t\"}");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).contains("1");
      assertThat(response.body()).contains("audit-unavailable");
      assertThat(harness.get("/health/ready", null).body()).contains("\"audit\":\"refusing\"");
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(received::isEmpty);
      subscription.close();
    }
  }
}
