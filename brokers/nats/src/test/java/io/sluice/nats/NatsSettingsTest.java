package io.sluice.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.nats.StreamSettings.Retention;
import io.sluice.nats.StreamSettings.Storage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NatsSettingsTest {

  @Test
  void parse_empty_givesDefaults() {
    assertThat(NatsSettings.parse(Map.of())).isEqualTo(NatsSettings.defaults());
  }

  @Test
  void parse_fullStreamDeclaration_readsEveryKey() {
    NatsSettings settings =
        NatsSettings.parse(
            Map.of(
                "reconnectWait",
                "500ms",
                "maxReconnects",
                -1,
                "reconnectBufferSize",
                1024,
                "streams",
                List.of(
                    Map.of(
                        "name", "ORDERS",
                        "subjects", List.of("orders.>", "refunds.*"),
                        "retention", "workqueue",
                        "maxAge", "24h",
                        "maxBytes", 1_000_000,
                        "maxMessages", "5000",
                        "replicas", 1,
                        "storage", "memory",
                        "duplicateWindow", "PT5M"))));

    assertThat(settings.reconnectWait()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.reconnectBufferSize()).isEqualTo(1024);
    StreamSettings orders = settings.streams().get(0);
    assertThat(orders.subjects()).containsExactly("orders.>", "refunds.*");
    assertThat(orders.retention()).isEqualTo(Retention.WORKQUEUE);
    assertThat(orders.maxAge()).isEqualTo(Duration.ofHours(24));
    assertThat(orders.maxBytes()).isEqualTo(1_000_000);
    assertThat(orders.maxMessages()).isEqualTo(5000);
    assertThat(orders.storage()).isEqualTo(Storage.MEMORY);
    assertThat(orders.duplicateWindow()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void parse_isoDayDuration_isAccepted() {
    NatsSettings settings =
        NatsSettings.parse(
            Map.of("streams", List.of(Map.of("name", "A", "subjects", "a.>", "maxAge", "P7D"))));

    assertThat(settings.streams().get(0).maxAge()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void parse_manyMistakes_reportsEveryOneWithItsKey() {
    InvalidNatsSettingsException e =
        catchThrowableOfType(
            InvalidNatsSettingsException.class,
            () ->
                NatsSettings.parse(
                    Map.of(
                        "reconnectWait",
                        "soon",
                        "maxReconnects",
                        -7,
                        "colour",
                        "blue",
                        "streams",
                        List.of(
                            Map.of("name", "OK", "subjects", List.of("ok.>")),
                            Map.of(
                                "name", "BAD",
                                "subjects", List.of("bad..x"),
                                "retention", "forever",
                                "storage", "tape"),
                            Map.of("subjects", List.of()),
                            Map.of("name", "OK", "subjects", List.of("ok2.>"))))));

    assertThat(e.problems())
        .anyMatch(p -> p.startsWith("reconnectWait: must be a positive duration"))
        .anyMatch(p -> p.startsWith("maxReconnects: must be a whole number >= -1"))
        .anyMatch(p -> p.startsWith("colour: unknown setting"))
        .anyMatch(p -> p.startsWith("streams[1].subjects[0]:"))
        .anyMatch(
            p ->
                p.equals(
                    "streams[1].retention: must be one of limits, interest, workqueue but was"
                        + " 'forever'"))
        .anyMatch(p -> p.equals("streams[1].storage: must be one of file, memory but was 'tape'"))
        .anyMatch(p -> p.equals("streams[2].name: is required"))
        .anyMatch(p -> p.startsWith("streams[2].subjects: must list at least one subject"))
        .anyMatch(p -> p.equals("streams[3].name: stream 'OK' is declared twice"));
    assertThat(e.problems()).hasSize(9);
    assertThat(e).hasMessageStartingWith("invalid NATS broker settings: ");
  }

  @Test
  void streamSettings_badReplicas_namesTheValue() {
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class,
                () ->
                    new StreamSettings(
                        "S",
                        List.of("s.>"),
                        Retention.LIMITS,
                        Duration.ZERO,
                        -1,
                        -1,
                        9,
                        Storage.FILE,
                        Duration.ofMinutes(2))))
        .hasMessage("replicas must be 1 to 5 but was 9");
  }
}
