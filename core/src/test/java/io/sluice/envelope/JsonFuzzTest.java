package io.sluice.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid documents at random and decodes them: decoding must throw nothing but {@link
 * InvalidEventException}, and whatever it accepts must survive an encode/decode round trip. The
 * seed is printed with every failure; replay one with {@code -Denvelope.fuzz.seed=<seed>}.
 */
class JsonFuzzTest {
  private static final int INPUTS = 10_000;
  private static final String[] FRAGMENTS = {
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "\\",
    "\\u",
    "\\ud800",
    "null",
    "true",
    "1e999999999",
    "-0.0e-7",
    "99999999999999999999999",
    "\"data\"",
    "\"data_base64\"",
    "\"specversion\"",
    "\"datacontenttype\":\"text/plain\"",
    "\"time\"",
    " ",
    "\u00e9",
    "\uD83D\uDE00",
    "[[[[[[[[[["
  };

  @Test
  void decode_mutatedInputs_throwOnlyInvalidEventException() {
    long seed = Long.getLong("envelope.fuzz.seed", System.nanoTime());
    System.out.println("JsonFuzzTest seed: " + seed);
    Random random = new Random(seed);
    List<byte[]> corpus = corpus(seed);
    int accepted = 0;
    for (int i = 0; i < INPUTS; i++) {
      byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), random);
      accepted += check(input, JsonFormat::decode, seed, i) ? 1 : 0;
      check(input, JsonFormat::decodeBatch, seed, i);
    }
    assertThat(accepted).as("some mutated inputs are still valid events").isPositive();
  }

  private static <T> boolean check(byte[] input, Function<byte[], T> decoder, long seed, int i) {
    T decoded;
    try {
      decoded = decoder.apply(input);
    } catch (InvalidEventException expected) {
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(describe(seed, i, input) + " threw " + e, e);
    }
    if (decoded instanceof CloudEvent event
        && !JsonFormat.decode(JsonFormat.encode(event)).equals(event)) {
      fail(describe(seed, i, input) + " was accepted but does not survive a round trip");
    }
    return true;
  }

  private static String describe(long seed, int i, byte[] input) {
    return "seed "
        + seed
        + ", input "
        + i
        + " (base64 "
        + Base64.getEncoder().encodeToString(input)
        + ")";
  }

  private static List<byte[]> corpus(long seed) {
    List<byte[]> corpus = new ArrayList<>();
    RandomEvents events = new RandomEvents(seed, false);
    for (int i = 0; i < 20; i++) {
      corpus.add(JsonFormat.encode(events.next()));
    }
    corpus.add(JsonFormat.encodeBatch(List.of(events.next(), events.next())));
    corpus.add(JsonFormat.encode(TestEvents.full()));
    return corpus;
  }

  private static byte[] mutate(byte[] source, Random random) {
    byte[] bytes = source;
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      bytes = mutateOnce(bytes, random);
    }
    return bytes;
  }

  private static byte[] mutateOnce(byte[] b, Random random) {
    int at = b.length == 0 ? 0 : random.nextInt(b.length);
    return switch (random.nextInt(6)) {
      case 0 -> flip(b, at, random);
      case 1 -> splice(b, at, at + random.nextInt(8), new byte[] {(byte) random.nextInt(256)});
      case 2 -> splice(b, at, Math.min(b.length, at + 1 + random.nextInt(16)), new byte[0]);
      case 3 -> Arrays.copyOf(b, at);
      case 4 -> splice(b, at, at, fragment(random));
      default ->
          splice(b, at, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + random.nextInt(32))));
    };
  }

  private static byte[] fragment(Random random) {
    String fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
    return fragment.repeat(random.nextInt(10) == 0 ? 200 : 1).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] flip(byte[] b, int at, Random random) {
    if (b.length == 0) {
      return b;
    }
    byte[] copy = b.clone();
    copy[at] ^= (byte) (1 << random.nextInt(8));
    return copy;
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    int end = Math.min(Math.max(from, to), b.length);
    byte[] out = new byte[from + insert.length + b.length - end];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(b, end, out, from + insert.length, b.length - end);
    return out;
  }
}
