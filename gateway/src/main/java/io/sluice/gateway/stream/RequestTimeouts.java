package io.sluice.gateway.stream;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code ?timeout=} of a request-reply call: {@code 250ms}, {@code 5s}, {@code 1m}, ISO. */
final class RequestTimeouts {
  static final Duration DEFAULT = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofSeconds(60);
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m)");

  private RequestTimeouts() {}

  /** The timeout, or null when the text is not a duration within (0, 60s]. */
  static Duration parse(String text) {
    if (text == null) {
      return DEFAULT;
    }
    Duration d = read(text.trim());
    return d == null || d.isZero() || d.isNegative() || d.compareTo(MAX) > 0 ? null : d;
  }

  private static Duration read(String text) {
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMinutes(n);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
