package io.sluice.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the fast matcher against a reference model that is obviously right: split both sides into
 * tokens and walk them. Every build runs fresh generated cases; a failure prints the seed.
 */
class SubjectPatternPropertyTest {
  private static final int CASES = 20_000;
  private static final String[] LITERALS = {"a", "b", "ab", "orders", "x1"};

  @Test
  void matcher_agreesWithReferenceModel_onGeneratedCases() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int matched = 0;
    for (int i = 0; i < CASES; i++) {
      String pattern = randomPattern(random);
      String subject = random.nextInt(4) == 0 ? instanceOf(pattern, random) : randomSubject(random);
      boolean expected = referenceMatches(pattern, subject);
      assertThat(SubjectPattern.of(pattern).matches(Subject.of(subject)))
          .as("seed %d: pattern '%s' vs subject '%s'", seed, pattern, subject)
          .isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    assertThat(matched)
        .as("generator must produce matches too (seed %d)", seed)
        .isGreaterThan(CASES / 10);
  }

  @Test
  void matcher_rejectsTextThatIsNotASubject_onGeneratedCases() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < CASES / 4; i++) {
      String pattern = randomPattern(random);
      String broken = breakSubject(instanceOf(pattern, random), random);
      assertThat(SubjectPattern.of(pattern).matches(broken))
          .as("seed %d: pattern '%s' vs invalid text '%s'", seed, pattern, broken)
          .isFalse();
    }
  }

  static boolean referenceMatches(String pattern, String subject) {
    List<String> p = Arrays.asList(pattern.split("\\.", -1));
    List<String> s = Arrays.asList(subject.split("\\.", -1));
    if (s.stream().anyMatch(String::isEmpty)) {
      return false;
    }
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i).equals(">")) {
        return s.size() > i;
      }
      if (i >= s.size() || !(p.get(i).equals("*") || p.get(i).equals(s.get(i)))) {
        return false;
      }
    }
    return p.size() == s.size();
  }

  private static String randomPattern(Random random) {
    int n = 1 + random.nextInt(5);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int roll = random.nextInt(10);
      if (roll == 0 && i == n - 1) {
        tokens.add(">");
      } else if (roll < 3) {
        tokens.add("*");
      } else {
        tokens.add(LITERALS[random.nextInt(LITERALS.length)]);
      }
    }
    return String.join(".", tokens);
  }

  private static String randomSubject(Random random) {
    int n = 1 + random.nextInt(6);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tokens.add(LITERALS[random.nextInt(LITERALS.length)]);
    }
    return String.join(".", tokens);
  }

  /** A subject the pattern matches, built by filling its wildcards. */
  private static String instanceOf(String pattern, Random random) {
    List<String> out = new ArrayList<>();
    for (String t : pattern.split("\\.")) {
      if (t.equals("*")) {
        out.add(LITERALS[random.nextInt(LITERALS.length)]);
      } else if (t.equals(">")) {
        int extra = 1 + random.nextInt(3);
        for (int i = 0; i < extra; i++) {
          out.add(LITERALS[random.nextInt(LITERALS.length)]);
        }
      } else {
        out.add(t);
      }
    }
    return String.join(".", out);
  }

  private static String breakSubject(String subject, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> subject + ".";
      case 1 -> "." + subject;
      case 2 -> subject.contains(".") ? subject.replaceFirst("\\.", "..") : subject + "..a";
      default -> subject + " ";
    };
  }
}
