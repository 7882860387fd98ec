package io.sluice.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RabbitMqSettingsTest {

  @Test
  void noSettings_giveTheDefaults() {
    RabbitMqSettings settings = RabbitMqSettings.from(Map.of());

    assertThat(settings.exchange()).isEqualTo("sluice");
    assertThat(settings.requestExchange()).isEqualTo("sluice.requests");
    assertThat(settings.dedupWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.groupQueueExpiry()).isEmpty();
  }

  @Test
  void durations_acceptShortAndIsoForms() {
    RabbitMqSettings settings =
        RabbitMqSettings.from(Map.of("dedupWindow", "90s", "groupQueueExpiry", "PT1H"));

    assertThat(settings.dedupWindow()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.groupQueueExpiry()).contains(Duration.ofHours(1));
  }

  @Test
  void badSettings_areReportedTogetherNamingEachKeyAndValue() {
    assertThatThrownBy(() -> RabbitMqSettings.from(Map.of("exchnage", "x", "dedupWindow", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown amqp setting 'exchnage'")
        .hasMessageContaining("dedupWindow must be a duration")
        .hasMessageContaining("'soon'");
  }

  @Test
  void exchangeWithSpaces_isRejectedNamingIt() {
    assertThatThrownBy(() -> RabbitMqSettings.from(Map.of("exchange", "my events")))
        .hasMessageContaining("exchange must be")
        .hasMessageContaining("'my events'");
  }
}
