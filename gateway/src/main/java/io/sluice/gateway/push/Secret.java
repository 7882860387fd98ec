package io.sluice.gateway.push;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A signing secret: its value never appears in {@code toString}, logs, errors or responses. */
public final class Secret {
  /** The shortest secret accepted, in bytes. */
  public static final int MIN_BYTES = 16;

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** A secret from its text; at least {@value #MIN_BYTES} bytes of UTF-8. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret");
    int length = value.getBytes(StandardCharsets.UTF_8).length;
    if (length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "secret must be at least " + MIN_BYTES + " bytes but was " + length);
    }
    return new Secret(value);
  }

  byte[] bytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "[redacted]";
  }
}
