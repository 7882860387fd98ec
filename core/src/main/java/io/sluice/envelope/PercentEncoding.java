package io.sluice.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Header value encoding of the CloudEvents HTTP binding: the UTF-8 bytes of space, {@code "},
 * {@code %} and every character outside printable ASCII are written as {@code %XX}.
 */
final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** The value itself when it needs no escape (plain printable ASCII), else its encoded form. */
  static String encode(String value) {
    return needsEscape(value) ? escaped(value) : value;
  }

  private static boolean needsEscape(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isPlain(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPlain(int c) {
    return c > 0x20 && c < 0x7F && c != '"' && c != '%';
  }

  private static String escaped(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isPlain(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * The decoded value, or empty when a {@code %} is not followed by two hex digits or the bytes are
   * not UTF-8. Characters that arrive unencoded are kept as they are.
   */
  static Optional<String> decode(String value) {
    if (value.indexOf('%') < 0) {
      return Optional.of(value);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    int i = 0;
    while (i < value.length()) {
      int step = value.charAt(i) == '%' ? escape(value, i, bytes) : literal(value, i, bytes);
      if (step < 0) {
        return Optional.empty();
      }
      i += step;
    }
    return JsonText.utf8(bytes.toByteArray());
  }

  private static int escape(String value, int i, ByteArrayOutputStream bytes) {
    int high = i + 1 < value.length() ? hex(value.charAt(i + 1)) : -1;
    int low = i + 2 < value.length() ? hex(value.charAt(i + 2)) : -1;
    if (high < 0 || low < 0) {
      return -1;
    }
    bytes.write(high << 4 | low);
    return 3;
  }

  private static int literal(String value, int i, ByteArrayOutputStream bytes) {
    int cp = value.codePointAt(i);
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      return -1;
    }
    bytes.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
    return Character.charCount(cp);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = Character.toLowerCase(c);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }
}
