package io.sluice.gateway.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads from a nested map by dotted key. A bad value is recorded as a problem and the default
 * is returned, so that one pass finds every problem. Keys read are remembered; {@link #unknownKeys}
 * lists the rest.
 */
final class ConfigReader {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final Map<String, Object> root;
  private final List<String> problems;
  private final Set<String> known = new HashSet<>();

  ConfigReader(Map<String, Object> root, List<String> problems) {
    this.root = root;
    this.problems = problems;
  }

  Optional<Object> raw(String key) {
    known.add(key);
    Object node = root;
    for (String part : key.split("\\.")) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return Optional.empty();
      }
      node = map.get(part);
    }
    return Optional.ofNullable(node);
  }

  String string(String key, String fallback) {
    return raw(key).map(v -> scalar(key, v)).orElse(fallback);
  }

  Optional<String> optionalString(String key) {
    return raw(key).map(v -> scalar(key, v));
  }

  String oneOf(String key, String fallback, String... allowed) {
    String value = string(key, fallback);
    if (!List.of(allowed).contains(value)) {
      problems.add(
          key + ": must be one of " + String.join(", ", allowed) + " but was '" + value + "'");
      return fallback;
    }
    return value;
  }

  long number(String key, long fallback, long min, long max) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.get().trim());
      if (value < min || value > max) {
        problems.add(key + ": must be between " + min + " and " + max + " but was " + value);
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(key + ": must be a whole number but was '" + text.get() + "'");
      return fallback;
    }
  }

  double decimal(String key, double fallback) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text.get().trim());
      if (!(value > 0) || Double.isInfinite(value)) {
        problems.add(key + ": must be a number > 0 but was " + text.get());
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(key + ": must be a number but was '" + text.get() + "'");
      return fallback;
    }
  }

  Duration duration(String key, Duration fallback) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return fallback;
    }
    Optional<Duration> parsed = parseDuration(text.get().trim());
    if (parsed.isEmpty() || parsed.get().isNegative() || parsed.get().isZero()) {
      problems.add(
          key
              + ": must be a positive duration such as 500ms, 10s, 5m, 24h or PT10S but was '"
              + text.get()
              + "'");
      return fallback;
    }
    return parsed.get();
  }

  List<String> strings(String key, List<String> fallback) {
    Optional<Object> value = raw(key);
    if (value.isEmpty()) {
      return fallback;
    }
    if (value.get() instanceof String s) {
      return List.of(s.split("\\s*,\\s*"));
    }
    if (!(value.get() instanceof List<?> list)) {
      problems.add(key + ": must be a list of strings");
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      out.add(scalar(key, item));
    }
    return out;
  }

  Map<String, Object> section(String key) {
    Optional<Object> value = raw(key);
    if (value.isEmpty()) {
      return Map.of();
    }
    if (!(value.get() instanceof Map<?, ?> map)) {
      problems.add(key + ": must be a mapping of keys to values");
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    return typed;
  }

  void problem(String message) {
    problems.add(message);
  }

  /** Dotted names present in the document that were never read, in document order. */
  List<String> unknownKeys(Set<String> passThrough) {
    List<String> unknown = new ArrayList<>();
    collectUnknown(root, "", passThrough, unknown);
    return unknown;
  }

  private void collectUnknown(
      Map<?, ?> map, String prefix, Set<String> passThrough, List<String> out) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = prefix + entry.getKey();
      if (passThrough.contains(key) || known.contains(key)) {
        continue;
      }
      boolean isParentOfKnown = known.stream().anyMatch(k -> k.startsWith(key + "."));
      if (isParentOfKnown && entry.getValue() instanceof Map<?, ?> child) {
        collectUnknown(child, key + ".", passThrough, out);
      } else {
        out.add(key);
      }
    }
  }

  private String scalar(String key, Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      problems.add(key + ": must be a single value, not a list or mapping");
      return "";
    }
    return String.valueOf(value);
  }

  static Optional<Duration> parseDuration(String text) {
    Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return Optional.of(
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          });
    }
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
