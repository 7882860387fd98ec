package io.sluice.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.BrokerUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PulsarSettingsTest {

  @Test
  void noSettings_givesTheDefaults() {
    assertThat(PulsarSettings.parse(Map.of())).isEqualTo(PulsarSettings.defaults());
  }

  @Test
  void settings_areReadWithShortDurations() {
    PulsarSettings settings =
        PulsarSettings.parse(Map.of("tenant", "acme", "namespace", "events", "dedupWindow", "90s"));

    assertThat(settings.tenant()).isEqualTo("acme");
    assertThat(settings.namespace()).isEqualTo("events");
    assertThat(settings.dedupWindow()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void everyProblem_isReportedTogetherByKey() {
    assertThatThrownBy(
            () ->
                PulsarSettings.parse(Map.of("dedupWindow", "soon", "tenant", "", "colour", "blue")))
        .isInstanceOfSatisfying(
            InvalidPulsarSettingsException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anyMatch(p -> p.startsWith("dedupWindow:") && p.contains("'soon'"))
                    .anyMatch(p -> p.startsWith("tenant:"))
                    .anyMatch(p -> p.startsWith("colour: unknown setting")));
  }

  @Test
  void unreachableBroker_failsAtConnect_withoutShowingTheToken() {
    BrokerSpec spec =
        BrokerSpec.of("pulsar://s3cr3t-token@127.0.0.1:1")
            .withSettings(Map.of("operationTimeout", "2s"));

    assertThatThrownBy(() -> Broker.connect(spec))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("pulsar://***@127.0.0.1:1")
        .hasMessageNotContaining("s3cr3t");
  }
}
