package io.sluice.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The wrapped-body check refuses exactly what reading the tree refuses, with the same detail. */
class JsonCheckTest {
  private static final List<String> SAMPLES =
      List.of(
          "{\"a\":1}",
          "[1,2,{\"b\":[true,null]}]",
          "\"text\"",
          "42",
          "  ",
          "{\"a\":1} x",
          "{\"a\":1}{}",
          "[1,2] 3",
          "{\"a\":}",
          "{\"a\":1",
          "[1,2",
          "{\"a\":\"\\q\"}",
          "{\"a\":\"tab\there\"}",
          "{'a':1}",
          "NaN",
          "{\"a\":01}",
          "{\"a\":1,\"a\":2}",
          "tru",
          "{\"a\":[1,2,]}",
          "\"open");

  @Test
  @DisplayName("every sample gets the same verdict and the same problem detail from both")
  void requireJson_agreesWithParseJson_onSamples() {
    SAMPLES.forEach(JsonCheckTest::assertSameVerdict);
  }

  @Test
  @DisplayName("random mutations of valid documents get the same verdict from both")
  void requireJson_agreesWithParseJson_onMutations() {
    Random random = new Random(7);
    String alphabet = "{}[],:\"\\ 1a-e.tn";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder s = new StringBuilder(SAMPLES.get(random.nextInt(4)));
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(s.length() + 1);
        s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertSameVerdict(s.toString());
    }
  }

  private static void assertSameVerdict(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    String expected = detail(() -> EventDecoder.parseJson(body, "the body"));
    String actual = detail(() -> EventDecoder.requireJson(body, "the body"));
    assertThat(actual).as("verdict for %s", text).isEqualTo(expected);
  }

  private static String detail(Runnable check) {
    ProblemException e = catchThrowableOfType(ProblemException.class, check::run);
    return e == null ? "accepted" : ProblemException.toProblem(e).detail();
  }
}
