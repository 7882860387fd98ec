package io.sluice.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random header maps: {@link BinaryMode#fromHeaders} throws nothing but {@link
 * InvalidEventException}, and what it accepts survives a binary round trip. The seed is printed
 * with every failure; replay one with {@code -Denvelope.fuzz.seed=<seed>}.
 */
class BinaryFuzzTest {
  private static final int INPUTS = 10_000;
  private static final List<String> NAMES =
      List.of(
          "specversion",
          "id",
          "source",
          "type",
          "subject",
          "time",
          "dataschema",
          "datacontenttype",
          "traceparent",
          "authtype",
          "data",
          "Tenant",
          "x_y",
          "",
          "eventversion");
  private static final List<String> VALUES =
      List.of(
          "1.0",
          "0.3",
          "/s",
          "t",
          "",
          "%",
          "%zz",
          "%C3%A9",
          "%C3",
          "a b",
          "2024-05-01T12:00:00Z",
          "2024-13-01T00:00:00Z",
          "https://example.com/s",
          "rel/s",
          "é✓",
          "\uD83D\uDE00",
          "\u0000",
          "user",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
          "text/plain");

  @Test
  void fromHeaders_randomHeaders_throwOnlyInvalidEventException() {
    long seed = Long.getLong("envelope.fuzz.seed", System.nanoTime());
    System.out.println("BinaryFuzzTest seed: " + seed);
    Random random = new Random(seed);
    int accepted = 0;
    for (int i = 0; i < INPUTS; i++) {
      Map<String, String> headers = headers(random);
      try {
        CloudEvent event = BinaryMode.fromHeaders(headers, BinaryMode.HTTP_PREFIX, null);
        assertThat(BinaryMode.fromHeaders(BinaryMode.toHeaders(event, "ce-"), "ce-", null))
            .as("seed %d, input %d: %s", seed, i, headers)
            .isEqualTo(event);
        accepted++;
      } catch (InvalidEventException expected) {
        // the property is that nothing else is thrown
      } catch (RuntimeException e) {
        throw new AssertionError(
            "seed " + seed + ", input " + i + ": " + headers + " threw " + e, e);
      }
    }
    assertThat(accepted).as("some random header sets are valid events").isPositive();
  }

  private static Map<String, String> headers(Random random) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce-specversion", "1.0");
    headers.put("ce-id", "1");
    headers.put("ce-source", "/s");
    headers.put("ce-type", "t");
    for (int n = random.nextInt(5); n > 0; n--) {
      String name = random.nextInt(8) == 0 ? "Content-Type" : prefix(random) + pick(NAMES, random);
      headers.put(name, pick(VALUES, random) + (random.nextBoolean() ? "" : pick(VALUES, random)));
    }
    if (random.nextInt(10) == 0) {
      headers.remove(pick(List.copyOf(headers.keySet()), random));
    }
    return headers;
  }

  private static String prefix(Random random) {
    return pick(List.of("ce-", "CE-", "Ce-", "ce_", "x-"), random);
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }
}
