package io.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

  @Test
  void noSettings_giveTheDefaults() {
    RedisSettings settings = RedisSettings.from(Map.of());

    assertThat(settings.keyPrefix()).isEqualTo("sluice:");
    assertThat(settings.maxLen()).isEqualTo(100_000);
    assertThat(settings.dedupWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.waitReplicas()).isZero();
  }

  @Test
  void valuesFromYaml_areRead() {
    RedisSettings settings =
        RedisSettings.from(Map.of("maxLen", "500", "scanInterval", "250ms", "waitReplicas", 1));

    assertThat(settings.maxLen()).isEqualTo(500);
    assertThat(settings.scanInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.waitReplicas()).isEqualTo(1);
  }

  @Test
  void badSettings_areReportedTogetherNamingEachKeyAndValue() {
    assertThatThrownBy(
            () -> RedisSettings.from(Map.of("maxlen", 5, "maxLen", "lots", "keyPrefix", "a*")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown redis setting 'maxlen'")
        .hasMessageContaining("maxLen must be a whole number but was 'lots'")
        .hasMessageContaining("keyPrefix must be non-empty without *");
  }
}
