package io.sluice.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.broker.BrokerSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedSettingsTest {

  @Test
  void url_givesRelativeOrAbsoluteDirectory() {
    assertThat(EmbeddedSettings.from(BrokerSpec.of("embedded:./data")).directory())
        .isEqualTo(Path.of("./data"));
    assertThat(EmbeddedSettings.from(BrokerSpec.of("embedded:/var/lib/sluice")).directory())
        .isEqualTo(Path.of("/var/lib/sluice"));
  }

  @Test
  void url_withoutDirectory_meansSluiceDataInTheWorkingDirectory() {
    assertThat(EmbeddedSettings.from(BrokerSpec.of("embedded:")).directory())
        .isEqualTo(Path.of("sluice-data"));
  }

  @Test
  void defaults_areBatchFsyncUnlimitedRetentionAndTwoMinuteDedupWindow() {
    EmbeddedSettings settings = EmbeddedSettings.from(BrokerSpec.of("embedded:data"));

    assertThat(settings.fsync()).isEqualTo(FsyncPolicy.BATCH);
    assertThat(settings.retention()).isEqualTo(Retention.unlimited());
    assertThat(settings.dedupWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.stream()).isEqualTo("sluice");
  }

  @Test
  void settingsMap_isRead() {
    var spec =
        BrokerSpec.of("embedded:data")
            .withSettings(
                Map.of(
                    "fsync", "always",
                    "dedupWindow", "10m",
                    "retention", Map.of("maxAge", "7d", "maxEvents", 1000, "maxBytes", "64mb")));

    EmbeddedSettings settings = EmbeddedSettings.from(spec);

    assertThat(settings.fsync()).isEqualTo(FsyncPolicy.ALWAYS);
    assertThat(settings.dedupWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.retention())
        .isEqualTo(new Retention(Duration.ofDays(7), 1000, 64L * 1024 * 1024));
    assertThat(EmbeddedSettings.from(spec.withSettings(settings.toMap()))).isEqualTo(settings);
  }

  @Test
  void badSettings_areAllReportedAtOnce_namingKeyAndValue() {
    var spec =
        BrokerSpec.of("embedded:data")
            .withSettings(
                Map.of(
                    "fsync", "sometimes",
                    "retention", Map.of("maxEvents", -1),
                    "colour", "blue"));

    assertThatThrownBy(() -> EmbeddedSettings.from(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fsync must be 'always' or 'batch' but was 'sometimes'")
        .hasMessageContaining("retention.maxEvents must be >= 0 but was -1")
        .hasMessageContaining("unknown key 'colour'");
  }
}
