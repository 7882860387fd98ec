package io.sluice.broker.memory;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of the in-memory broker.
 *
 * @param maxRetained events kept in the retained log for replay; the oldest is dropped first
 * @param dedupWindow how long an idempotency key is remembered after its first publish
 */
record MemorySettings(int maxRetained, Duration dedupWindow) {
  static final String MAX_RETAINED = "maxRetained";
  static final String DEDUP_WINDOW = "dedupWindow";
  static final int DEFAULT_MAX_RETAINED = 100_000;
  static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofMinutes(2);
  private static final Set<String> KNOWN = Set.of(MAX_RETAINED, DEDUP_WINDOW);

  MemorySettings {
    failIfAny(rangeProblems(maxRetained, dedupWindow));
  }

  static MemorySettings defaults() {
    return new MemorySettings(DEFAULT_MAX_RETAINED, DEFAULT_DEDUP_WINDOW);
  }

  /** Reads settings as given in YAML or code, reporting every bad key at once. */
  static MemorySettings from(Map<String, Object> raw) {
    List<String> problems = new ArrayList<>();
    Set<String> unknown = new TreeSet<>(raw.keySet());
    unknown.removeAll(KNOWN);
    for (String key : unknown) {
      problems.add("unknown mem setting '" + key + "'; known settings are " + new TreeSet<>(KNOWN));
    }
    int maxRetained = readInt(raw.get(MAX_RETAINED), DEFAULT_MAX_RETAINED, problems);
    Duration window = readDuration(raw.get(DEDUP_WINDOW), DEFAULT_DEDUP_WINDOW, problems);
    problems.addAll(rangeProblems(maxRetained, window));
    failIfAny(problems);
    return new MemorySettings(maxRetained, window);
  }

  private static List<String> rangeProblems(int maxRetained, Duration dedupWindow) {
    List<String> problems = new ArrayList<>();
    if (maxRetained < 1) {
      problems.add(MAX_RETAINED + " must be >= 1 but was " + maxRetained);
    }
    if (dedupWindow == null || dedupWindow.isNegative() || dedupWindow.isZero()) {
      problems.add(DEDUP_WINDOW + " must be a positive duration but was " + dedupWindow);
    }
    return problems;
  }

  private static int readInt(Object value, int fallback, List<String> problems) {
    if (value == null) {
      return fallback;
    }
    try {
      long parsed =
          value instanceof Number n && n.doubleValue() == n.longValue()
              ? n.longValue()
              : Long.parseLong(String.valueOf(value).trim());
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
    } catch (NumberFormatException e) {
      problems.add(MAX_RETAINED + " must be a whole number but was '" + value + "'");
      return fallback;
    }
  }

  private static Duration readDuration(Object value, Duration fallback, List<String> problems) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Duration d) {
      return d;
    }
    try {
      return parseDuration(String.valueOf(value).trim());
    } catch (DateTimeParseException | NumberFormatException e) {
      problems.add(
          DEDUP_WINDOW
              + " must be a duration such as 'PT2M', '500ms', '90s', '2m' or '1h' but was '"
              + value
              + "'");
      return fallback;
    }
  }

  private static Duration parseDuration(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.length() < 2) {
      throw new NumberFormatException(text);
    }
    if (lower.startsWith("pt") || lower.startsWith("p")) {
      return Duration.parse(text);
    }
    if (lower.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
    }
    long amount = Long.parseLong(lower.substring(0, Math.max(0, lower.length() - 1)));
    return switch (lower.charAt(lower.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> throw new NumberFormatException(text);
    };
  }

  private static void failIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid mem broker settings: " + String.join("; ", problems));
    }
  }
}
