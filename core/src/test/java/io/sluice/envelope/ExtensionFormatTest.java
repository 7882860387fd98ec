package io.sluice.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hand-written name and traceparent checks agree with the regular expressions they replace. */
class ExtensionFormatTest {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+");
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  @DisplayName("names: the check agrees with [a-z0-9]+ on random short strings")
  void validName_agreesWithRegex() {
    Random random = new Random(11);
    String alphabet = "az09AZ_-.é ";
    for (int i = 0; i < 20_000; i++) {
      String name = randomString(random, alphabet, random.nextInt(5));
      assertThat(ExtensionRules.validName(name))
          .as("name '%s'", name)
          .isEqualTo(NAME.matcher(name).matches());
    }
  }

  @Test
  @DisplayName("traceparent: the check agrees with the regex model on mutations of a valid value")
  void validTraceparent_agreesWithRegexModel() {
    Random random = new Random(13);
    String alphabet = "0f9aA-gz";
    assertThat(ExtensionRules.validTraceparent(VALID)).isTrue();
    for (int i = 0; i < 50_000; i++) {
      StringBuilder s = new StringBuilder(i % 3 == 0 ? zeroed(random) : VALID);
      int edits = random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        mutate(random, s, alphabet);
      }
      String value = s.toString();
      assertThat(ExtensionRules.validTraceparent(value))
          .as("traceparent '%s'", value)
          .isEqualTo(model(value));
    }
  }

  private static boolean model(String s) {
    return TRACEPARENT.matcher(s).matches()
        && !s.startsWith("ff")
        && !s.substring(3, 35).matches("0+")
        && !s.substring(36, 52).matches("0+");
  }

  private static String zeroed(Random random) {
    return random.nextBoolean()
        ? "00-00000000000000000000000000000000-00f067aa0ba902b7-01"
        : "ff-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01";
  }

  private static void mutate(Random random, StringBuilder s, String alphabet) {
    char c = alphabet.charAt(random.nextInt(alphabet.length()));
    int at = random.nextInt(s.length());
    switch (random.nextInt(3)) {
      case 0 -> s.setCharAt(at, c);
      case 1 -> s.insert(at, c);
      default -> s.deleteCharAt(at);
    }
  }

  private static String randomString(Random random, String alphabet, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
