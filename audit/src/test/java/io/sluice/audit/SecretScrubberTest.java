package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {
  /** The scrubber as it was before the pre-check: the regex on every text. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?i)(?:bearer|basic)\\s+[A-Za-z0-9._~+/=-]+"
              + "|eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

  private static final List<String> FRAGMENTS =
      List.of(
          "Bearer ",
          "bearer",
          "BEARER\t",
          "basic ",
          "BaSiC  ",
          "bear",
          "basi",
          "eyJ",
          "eyj",
          "ey",
          "eyJhbGciOiJSUzI1NiJ9",
          ".",
          "..",
          "abc",
          "dGVzdDp0ZXN0",
          "=",
          "-",
          "_",
          "~",
          "+",
          "/",
          " ",
          "\n",
          "orders.eu",
          "é",
          "ſ",
          "K",
          "\u0000",
          "token",
          "[redacted]",
          "stream X seq 9");

  @Test
  void scrub_redactsBearerBasicAndJwtShapes() {
    assertThat(SecretScrubber.scrub("auth failed for Bearer abc.def-ghi"))
        .isEqualTo("auth failed for [redacted]");
    assertThat(SecretScrubber.scrub("basic dXNlcjpwYXNz rejected"))
        .isEqualTo("[redacted] rejected");
    assertThat(SecretScrubber.scrub("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig here"))
        .isEqualTo("token [redacted] here");
  }

  @Test
  void scrub_returnsTextWithoutSecretShapesUnchanged() {
    String plain = "stream DURABLE seq 42";
    assertThat(SecretScrubber.scrub(plain)).isSameAs(plain);
    assertThat(SecretScrubber.scrub(null)).isNull();
    assertThat(SecretScrubber.mayHoldSecret("orders.eu.created")).isFalse();
    assertThat(SecretScrubber.mayHoldSecret("role/writer/allow[0]")).isFalse();
  }

  @Test
  void scrub_agreesWithTheRegexOnRandomTexts() {
    Random random = new Random(20261123);
    for (int n = 0; n < 200_000; n++) {
      String text = randomText(random);
      assertThat(SecretScrubber.scrub(text))
          .as("scrub(%s)", text)
          .isEqualTo(REFERENCE.matcher(text).replaceAll(SecretScrubber.REDACTED));
    }
  }

  @Test
  void preCheck_neverSaysNoWhenTheRegexWouldMatch() {
    Random random = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      String text = randomText(random);
      if (REFERENCE.matcher(text).find()) {
        assertThat(SecretScrubber.mayHoldSecret(text)).as("mayHoldSecret(%s)", text).isTrue();
      }
    }
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int parts = random.nextInt(6);
    for (int i = 0; i < parts; i++) {
      if (random.nextInt(4) == 0) {
        text.append((char) random.nextInt(0x180));
      } else {
        text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
      }
    }
    return text.toString();
  }
}
