package io.sluice.nats.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in YAML: ISO-8601 ({@code PT30S}) or {@code 500ms, 30s, 24h}. */
final class DurationText {
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private DurationText() {}

  /** The duration, or empty when the text is neither form. */
  static Optional<Duration> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      return Optional.of(of(Long.parseLong(m.group(1)), m.group(2)));
    }
    try {
      return Optional.of(
          t.startsWith("p") && t.contains("d") && !t.contains("t")
              ? Duration.ofDays(Long.parseLong(t.substring(1, t.length() - 1)))
              : Duration.parse(text.trim()));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration of(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
