package io.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.BrokerUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  @Test
  void settings_areReadWithShortDurations() {
    KafkaSettings settings = KafkaSettings.parse(Map.of("dedupWindow", "90s"));

    assertThat(settings.dedupWindow()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.operationTimeout()).isEqualTo(KafkaSettings.defaults().operationTimeout());
  }

  @Test
  void everyProblem_isReportedTogetherByKey() {
    assertThatThrownBy(
            () ->
                KafkaSettings.parse(
                    Map.of("dedupWindow", "soon", "operationTimeout", "-1s", "x", 1)))
        .isInstanceOfSatisfying(
            InvalidKafkaSettingsException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anyMatch(p -> p.startsWith("dedupWindow:") && p.contains("'soon'"))
                    .anyMatch(p -> p.startsWith("operationTimeout:"))
                    .anyMatch(p -> p.startsWith("x: unknown setting")));
  }

  @Test
  void unreachableCluster_failsAtConnect_namingTheUrl() {
    BrokerSpec spec =
        BrokerSpec.of("kafka://127.0.0.1:1").withSettings(Map.of("operationTimeout", "2s"));

    assertThatThrownBy(() -> Broker.connect(spec))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("kafka://127.0.0.1:1");
  }
}
