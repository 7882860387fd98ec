package io.sluice.envelope;

import static io.sluice.envelope.TestEvents.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventsTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void ensureIdAndTime_missingBoth_fillsThem() {
    CloudEvent.Builder builder = CloudEvent.builder().source("/s").type("t");

    CloudEvent event = CloudEvents.ensureIdAndTime(builder, () -> "generated", CLOCK).build();

    assertThat(event.id()).isEqualTo("generated");
    assertThat(event.time()).contains(NOW);
  }

  @Test
  void ensureIdAndTime_presentValues_areKept() {
    Instant earlier = NOW.minusSeconds(60);

    CloudEvent event =
        CloudEvents.ensureIdAndTime(minimal().time(earlier), () -> "generated", CLOCK).build();

    assertThat(event.id()).isEqualTo("evt-1");
    assertThat(event.time()).contains(earlier);
  }

  @Test
  void ensureIdAndTime_emptyId_isReplaced() {
    CloudEvent event =
        CloudEvents.ensureIdAndTime(minimal().id(""), () -> "generated", CLOCK).build();

    assertThat(event.id()).isEqualTo("generated");
  }

  @Test
  void ensureIdAndTime_defaults_useRandomUuid() {
    CloudEvent event =
        CloudEvents.ensureIdAndTime(CloudEvent.builder().source("/s").type("t")).build();

    assertThat(UUID.fromString(event.id()).version()).isEqualTo(4);
    assertThat(event.time()).isPresent();
  }
}
