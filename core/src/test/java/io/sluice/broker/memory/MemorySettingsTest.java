package io.sluice.broker.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemorySettingsTest {

  @Test
  void noSettings_meanTheDefaults() {
    MemorySettings settings = MemorySettings.from(Map.of());

    assertThat(settings.maxRetained()).isEqualTo(100_000);
    assertThat(settings.dedupWindow()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void maxRetained_acceptsNumbersAndNumericText() {
    assertThat(MemorySettings.from(Map.of("maxRetained", 5)).maxRetained()).isEqualTo(5);
    assertThat(MemorySettings.from(Map.of("maxRetained", 7L)).maxRetained()).isEqualTo(7);
    assertThat(MemorySettings.from(Map.of("maxRetained", " 9 ")).maxRetained()).isEqualTo(9);
  }

  @Test
  void dedupWindow_acceptsDurationsIsoTextAndShortText() {
    assertThat(window(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThat(window("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(window("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(window("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(window("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(window("1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void unknownSetting_isRejectedNamingItAndTheKnownOnes() {
    assertThatThrownBy(() -> MemorySettings.from(Map.of("maxRetain", 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown mem setting 'maxRetain'")
        .hasMessageContaining("dedupWindow")
        .hasMessageContaining("maxRetained");
  }

  @Test
  void nonPositiveMaxRetained_isRejectedWithTheValue() {
    assertThatThrownBy(() -> MemorySettings.from(Map.of("maxRetained", -3)))
        .hasMessageContaining("maxRetained must be >= 1 but was -3");
  }

  @Test
  void textThatIsNotANumber_isRejectedWithTheValue() {
    assertThatThrownBy(() -> MemorySettings.from(Map.of("maxRetained", "lots")))
        .hasMessageContaining("maxRetained must be a whole number but was 'lots'");
  }

  @Test
  void badDurations_areRejectedWithTheValue() {
    for (Object bad : new Object[] {"", "s", "10x", "soon", Duration.ZERO, "-5s"}) {
      assertThatThrownBy(() -> window(bad))
          .as("dedupWindow %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("dedupWindow");
    }
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    assertThatThrownBy(
            () -> MemorySettings.from(Map.of("maxRetained", 0, "dedupWindow", "x", "colour", 1)))
        .hasMessageContaining("maxRetained must be >= 1 but was 0")
        .hasMessageContaining("dedupWindow must be a duration")
        .hasMessageContaining("unknown mem setting 'colour'");
  }

  @Test
  void constructor_checksRanges() {
    assertThatThrownBy(() -> new MemorySettings(0, Duration.ofSeconds(-1)))
        .hasMessageContaining("maxRetained must be >= 1 but was 0")
        .hasMessageContaining("dedupWindow must be a positive duration but was PT-1S");
  }

  private static Duration window(Object value) {
    return MemorySettings.from(Map.of("dedupWindow", value)).dedupWindow();
  }
}
