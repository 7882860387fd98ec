package io.sluice.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.subject.SubjectPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Containment and overlap against a brute-force reference: enumerate every subject of up to five
 * tokens over {a, b, c} and compare the sets the patterns match. Patterns use only the literals a
 * and b, so c always stands for "some other token", and subjects one token longer than any pattern
 * cover what {@code >} can add.
 */
class PatternAlgebraPropertyTest {
  private static final long SEED = 20_261_123L;
  private static final int CASES = 12_000;
  private static final List<String> UNIVERSE = subjects(List.of("a", "b", "c"), 5);

  @ParameterizedTest(name = "{1} within {0}: {2}")
  @CsvSource({
    "orders.>, orders.*, true",
    "orders.*, orders.>, false",
    "orders.>, orders.>, true",
    "orders.>, orders, false",
    ">, orders.*.x, true",
    "orders.*, orders.eu, true",
    "orders.eu, orders.*, false",
    "*.*, orders.>, false",
    "a.*.c, a.b.c, true"
  })
  void contains_examples(String outer, String inner, boolean expected) {
    assertThat(PatternAlgebra.contains(SubjectPattern.of(outer), SubjectPattern.of(inner)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} overlaps {1}: {2}")
  @CsvSource({
    "orders.*.ledger, orders.internal.>, true",
    "orders.eu.*, orders.internal.>, false",
    ">, a, true",
    "a.>, a, false",
    "*.b, a.*, true",
    "a.b, a.b.c, false"
  })
  void overlaps_examples(String a, String b, boolean expected) {
    assertThat(PatternAlgebra.overlaps(SubjectPattern.of(a), SubjectPattern.of(b)))
        .isEqualTo(expected);
  }

  @Test
  void contains_agreesWithBruteForce_onSeededRandomPatterns() {
    Random random = new Random(SEED);
    int held = 0;
    for (int i = 0; i < CASES; i++) {
      SubjectPattern outer = randomPattern(random);
      SubjectPattern inner = randomPattern(random);
      boolean expected = containsByEnumeration(outer, inner);
      assertThat(PatternAlgebra.contains(outer, inner))
          .as("case %d (seed %d): is %s within %s", i, SEED, inner, outer)
          .isEqualTo(expected);
      held += expected ? 1 : 0;
    }
    assertThat(held).as("both answers are exercised").isBetween(CASES / 50, CASES - CASES / 50);
  }

  @Test
  void overlaps_agreesWithBruteForce_onSeededRandomPatterns() {
    Random random = new Random(SEED + 1);
    int held = 0;
    for (int i = 0; i < CASES; i++) {
      SubjectPattern a = randomPattern(random);
      SubjectPattern b = randomPattern(random);
      boolean expected = overlapsByEnumeration(a, b);
      assertThat(PatternAlgebra.overlaps(a, b))
          .as("case %d (seed %d): %s overlaps %s", i, SEED, a, b)
          .isEqualTo(expected);
      held += expected ? 1 : 0;
    }
    assertThat(held).as("both answers are exercised").isBetween(CASES / 50, CASES - CASES / 50);
  }

  private static boolean containsByEnumeration(SubjectPattern outer, SubjectPattern inner) {
    return UNIVERSE.stream().filter(inner::matches).allMatch(outer::matches);
  }

  private static boolean overlapsByEnumeration(SubjectPattern a, SubjectPattern b) {
    return UNIVERSE.stream().anyMatch(s -> a.matches(s) && b.matches(s));
  }

  /** One to four tokens from {a, b, *}, the last possibly {@code >}. */
  private static SubjectPattern randomPattern(Random random) {
    int length = 1 + random.nextInt(4);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      boolean last = i == length - 1;
      int pick = random.nextInt(last ? 4 : 3);
      tokens.add(pick == 0 ? "a" : pick == 1 ? "b" : pick == 2 ? "*" : ">");
    }
    return SubjectPattern.of(String.join(".", tokens));
  }

  private static List<String> subjects(List<String> alphabet, int maxTokens) {
    List<String> all = new ArrayList<>(alphabet);
    List<String> previous = alphabet;
    for (int n = 2; n <= maxTokens; n++) {
      List<String> next = new ArrayList<>();
      for (String prefix : previous) {
        for (String token : alphabet) {
          next.add(prefix + "." + token);
        }
      }
      all.addAll(next);
      previous = next;
    }
    return List.copyOf(all);
  }
}
