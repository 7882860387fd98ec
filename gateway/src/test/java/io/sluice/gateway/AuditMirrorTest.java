package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.InvalidConfigException;
import io.sluice.subject.SubjectPattern;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditMirrorTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @Test
  void mirror_publishesEachStoredRecordAsACloudEvent_andMetricsCountThem() {
    try (GatewayHarness harness =
        GatewayHarness.start(
            "audit:\n  store: {url: \"jdbc:h2:mem:mirror;DB_CLOSE_DELAY=-1\"}\n"
                + "  mirror: {subject: audit.records}\n",
            new TestPolicy())) {
      List<CloudEvent> mirrored = new CopyOnWriteArrayList<>();
      Subscription subscription =
          harness
              .gateway()
              .broker()
              .subscribe(
                  SubjectPattern.of("audit.records"),
                  SubscribeOptions.defaults(),
                  d -> {
                    mirrored.add(d.event());
                    d.ack();
                  });

      harness.post(
          "/v1/events/orders.m",
          harness.token("alice"),
          "application/cloudevents+json",
          "{\"specversion\":\"1.0\",\"id\":\"m-1\",\"source\":\"/s\",\"type\":\"t\"}");

      await().atMost(Duration.ofSeconds(5)).until(() -> mirrored.size() >= 1);
      CloudEvent first = mirrored.get(0);
      assertThat(first.type()).isEqualTo("io.sluice.audit.record");
      assertThat(new String(first.data().orElseThrow(), StandardCharsets.UTF_8))
          .contains("\"eventId\":\"m-1\"", "\"hash\":\"");
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(harness.get("/metrics", null).body())
                      .contains(
                          "sluice_audit_records_written_total 1.0", "sluice_audit_accepting 1.0"));
      subscription.close();
    }
  }

  @Test
  void config_withBadAuditKeys_reportsThemWithTheRest() {
    String yaml =
        "limits:\n  maxInFlight: 0\naudit:\n  queueCapacity: 0\n  mirror: {subject: 'a b'}\n";

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("limits.maxInFlight")
        .hasMessageContaining("audit.mirror.subject")
        .hasMessageContaining("queueCapacity");
  }
}
