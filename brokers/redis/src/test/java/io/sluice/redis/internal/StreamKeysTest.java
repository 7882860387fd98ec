package io.sluice.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamKeysTest {
  private final StreamKeys keys = new StreamKeys("sluice:");

  @Test
  void streamKey_isThePrefixedSubject_andMapsBack() {
    Subject subject = Subject.of("orders.eu.created");

    assertThat(keys.key(subject)).isEqualTo("sluice:orders.eu.created");
    assertThat(keys.subject("sluice:orders.eu.created")).contains(subject);
  }

  @Test
  void keysOutsideThePrefixOrNotSubjects_mapToNoSubject() {
    assertThat(keys.subject("other:orders")).isEmpty();
    assertThat(keys.subject("sluice:bad..subject")).isEmpty();
  }

  @Test
  void wildcards_becomeGlobStars_andGlobCharactersInTokensAreEscaped() {
    assertThat(keys.glob(SubjectPattern.of("orders.*.created")))
        .isEqualTo("sluice:orders.*.created");
    assertThat(keys.glob(SubjectPattern.of("orders.>"))).isEqualTo("sluice:orders.*");
    assertThat(keys.glob(SubjectPattern.of("a[1]?.>"))).isEqualTo("sluice:a\\[1\\]\\?.*");
  }

  @Test
  void entryIdSequence_isStrictlyIncreasingAndStartsExactlyAtItsEntry() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      long ms = 1_700_000_000_000L + random.nextInt(1_000_000);
      int n = random.nextInt(1000);
      long sequence = StreamKeys.sequence(ms + "-" + n).orElseThrow();
      assertThat(StreamKeys.sequence(ms + "-" + (n + 1)).orElseThrow()).isGreaterThan(sequence);
      assertThat(StreamKeys.sequence((ms + 1) + "-0").orElseThrow()).isGreaterThan(sequence);
      String before = StreamKeys.before(sequence);
      assertThat(
              StreamKeys.sequence(before).orElse(Long.MAX_VALUE) < sequence
                  || before.endsWith("-18446744073709551615"))
          .isTrue();
    }
  }

  @Test
  void idJustBefore_theFirstEntryOfAMillisecond_isTheEndOfThePreviousOne() {
    assertThat(StreamKeys.before(StreamKeys.sequence("5-0").orElseThrow()))
        .isEqualTo("4-18446744073709551615");
    assertThat(StreamKeys.before(StreamKeys.sequence("5-3").orElseThrow())).isEqualTo("5-2");
    assertThat(StreamKeys.beforeTime(0)).isEqualTo("0-0");
  }
}
