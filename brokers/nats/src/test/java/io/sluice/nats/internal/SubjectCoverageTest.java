package io.sluice.nats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.subject.SubjectPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SubjectCoverage} against a reference model: a filter covers a pattern when it matches
 * every subject of a small universe that the pattern matches (and the pattern matches at least
 * one).
 */
class SubjectCoverageTest {
  private static final String[] TOKENS = {"a", "b", "*", ">"};
  private static final List<String> UNIVERSE = universe();

  @Test
  void covers_agreesWithTheReferenceModel_onRandomPatterns() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      String filter = randomPattern(random);
      String pattern = randomPattern(random);

      assertThat(SubjectCoverage.covers(filter, pattern))
          .as("does '%s' cover '%s'", filter, pattern)
          .isEqualTo(reference(filter, pattern));
    }
  }

  @Test
  void covers_knownCases() {
    assertThat(SubjectCoverage.covers("orders.>", "orders.eu.*")).isTrue();
    assertThat(SubjectCoverage.covers("orders.*", "orders.>")).isFalse();
    assertThat(SubjectCoverage.covers("orders.*", "orders.eu")).isTrue();
    assertThat(SubjectCoverage.covers("orders.eu", "orders.*")).isFalse();
    assertThat(SubjectCoverage.covers(">", "anything.at.all")).isTrue();
  }

  /** Every filter and pattern has at most 3 tokens, so subjects of up to 4 tokens decide it. */
  private static boolean reference(String filter, String pattern) {
    SubjectPattern f = SubjectPattern.of(filter);
    SubjectPattern p = SubjectPattern.of(pattern);
    List<String> matched = UNIVERSE.stream().filter(p::matches).toList();
    return !matched.isEmpty() && matched.stream().allMatch(f::matches);
  }

  private static String randomPattern(Random random) {
    int length = 1 + random.nextInt(3);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      String token = TOKENS[random.nextInt(i == length - 1 ? 4 : 3)];
      tokens.add(token);
    }
    return String.join(".", tokens);
  }

  private static List<String> universe() {
    String[] letters = {"a", "b", "c"};
    List<String> all = new ArrayList<>(List.of(letters));
    List<String> previous = List.of(letters);
    for (int depth = 2; depth <= 4; depth++) {
      List<String> next = new ArrayList<>();
      for (String prefix : previous) {
        for (String letter : letters) {
          next.add(prefix + "." + letter);
        }
      }
      all.addAll(next);
      previous = next;
    }
    return all;
  }
}
