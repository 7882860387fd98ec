package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void standsStill_untilAdvanced() {
    ManualClock clock = ManualClock.at(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofSeconds(5))).isEqualTo(START.plusSeconds(5));
    assertThat(clock.millis()).isEqualTo(START.plusSeconds(5).toEpochMilli());
  }

  @Test
  void set_movesToTheGivenTime() {
    ManualClock clock = ManualClock.at(START);

    clock.set(START.minusSeconds(60));

    assertThat(clock.instant()).isEqualTo(START.minusSeconds(60));
  }

  @Test
  void isUtc_andCopiesWithAnotherZoneShareTheTime() {
    ManualClock clock = ManualClock.at(START);
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofMinutes(1));

    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(paris.instant()).isEqualTo(START.plusSeconds(60));
  }
}
