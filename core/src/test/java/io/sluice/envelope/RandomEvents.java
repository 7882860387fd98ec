package io.sluice.envelope;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Generates valid events from a seed, including Unicode text, every optional attribute and data.
 */
final class RandomEvents {
  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/vnd.sluice+json; charset=utf-8",
          "text/plain",
          "application/octet-stream");
  private static final long MAX_EPOCH_SECOND =
      Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
  private static final long MIN_EPOCH_SECOND =
      Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();

  private final Random random;
  private final boolean stringExtensionsOnly;

  /** With {@code stringExtensionsOnly}, extensions are strings, as binary mode carries them. */
  RandomEvents(long seed, boolean stringExtensionsOnly) {
    this.random = new Random(seed);
    this.stringExtensionsOnly = stringExtensionsOnly;
  }

  CloudEvent next() {
    CloudEvent.Builder b = CloudEvent.builder().id(text(1, 20)).source(source()).type(text(1, 30));
    if (random.nextBoolean()) {
      b.subject(text(1, 20));
    }
    if (random.nextBoolean()) {
      b.time(time());
    }
    if (random.nextBoolean()) {
      b.dataSchema(URI.create("https://schemas.example.com/" + word() + "/" + random.nextInt(9)));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      b.extension("x" + word(), extensionValue());
    }
    if (random.nextInt(4) > 0) {
      data(b);
    }
    return b.build();
  }

  private void data(CloudEvent.Builder b) {
    String contentType = random.nextInt(5) == 0 ? null : pick(CONTENT_TYPES);
    b.dataContentType(contentType);
    if (MediaTypes.isJson(contentType) && random.nextInt(4) > 0) {
      b.data(jsonValue(3).getBytes(StandardCharsets.UTF_8));
    } else {
      byte[] bytes = new byte[1 + random.nextInt(40)];
      random.nextBytes(bytes);
      b.data(bytes);
    }
  }

  private Object extensionValue() {
    return switch (stringExtensionsOnly ? 0 : random.nextInt(3)) {
      case 0 -> text(0, 15);
      case 1 -> random.nextBoolean();
      default -> random.nextInt();
    };
  }

  private String source() {
    return switch (random.nextInt(3)) {
      case 0 -> "/" + word() + "/" + word();
      case 1 -> "https://" + word() + ".example.com/" + word() + "?q=" + random.nextInt(99);
      default -> "urn:sluice:" + word();
    };
  }

  private Instant time() {
    long second =
        MIN_EPOCH_SECOND + (long) (random.nextDouble() * (MAX_EPOCH_SECOND - MIN_EPOCH_SECOND));
    int nanos = random.nextBoolean() ? 0 : random.nextInt(1_000_000_000);
    return Instant.ofEpochSecond(second, nanos);
  }

  private String jsonValue(int depth) {
    int kind = depth == 0 ? random.nextInt(4) : random.nextInt(6);
    return switch (kind) {
      case 0 -> Integer.toString(random.nextInt());
      case 1 -> "\"" + text(0, 10).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      case 2 -> random.nextBoolean() ? "true" : "false";
      case 3 -> random.nextInt(1000) + "." + random.nextInt(1000) + "e-" + random.nextInt(20);
      case 4 -> "[" + jsonValue(depth - 1) + "," + jsonValue(depth - 1) + "]";
      default -> "{\"" + word() + "\":" + jsonValue(depth - 1) + "}";
    };
  }

  private String word() {
    StringBuilder s = new StringBuilder();
    for (int i = 1 + random.nextInt(8); i > 0; i--) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }

  /** Text the CloudEvents String type allows: ASCII with space, quote and %, Latin, CJK, emoji. */
  private String text(int min, int max) {
    StringBuilder s = new StringBuilder();
    for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
      s.appendCodePoint(codePoint());
    }
    return s.toString();
  }

  private int codePoint() {
    return switch (random.nextInt(6)) {
      case 0, 1 -> 0x20 + random.nextInt(0x5F);
      case 2 -> pick(List.of((int) ' ', (int) '"', (int) '%', (int) '\\'));
      case 3 -> 0xA0 + random.nextInt(0x60);
      case 4 -> 0x4E00 + random.nextInt(0x5000);
      default -> 0x1F600 + random.nextInt(0x40);
    };
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
