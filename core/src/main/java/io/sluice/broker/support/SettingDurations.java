package io.sluice.broker.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as {@code PT2M}, {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1h}. */
public final class SettingDurations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

  private SettingDurations() {}

  public static Optional<Duration> read(String key, Object value, List<String> problems) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Duration d) {
      return Optional.of(d);
    }
    String text = String.valueOf(value).trim();
    Optional<Duration> parsed = parse(text);
    if (parsed.isEmpty()) {
      problems.add(key + " must be a duration like 500ms, 90s, 2m or PT2M but was '" + text + "'");
    }
    return parsed;
  }

  /** Parses {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1h} or ISO-8601; empty when neither. */
  public static Optional<Duration> parse(String text) {
    String trimmed = text.trim();
    Matcher m = SHORT.matcher(trimmed.toLowerCase(java.util.Locale.ROOT));
    if (m.matches()) {
      return Optional.of(ofUnit(Long.parseLong(m.group(1)), m.group(2)));
    }
    try {
      return Optional.of(Duration.parse(trimmed));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration ofUnit(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
