package io.sluice.nats.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed reads from one map of settings; each problem is recorded under its full key. */
final class SettingsValues {
  private final Map<String, Object> map;
  private final String prefix;
  private final List<String> problems;

  SettingsValues(Map<String, Object> map, String prefix, List<String> problems) {
    this.map = map;
    this.prefix = prefix;
    this.problems = problems;
  }

  SettingsValues nested(Map<String, Object> child, String key) {
    return new SettingsValues(child, key, problems);
  }

  String key(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  void problem(String key, String message) {
    problems.add(key + ": " + message);
  }

  boolean has(String name) {
    return map.get(name) != null;
  }

  Object raw(String name) {
    return map.get(name);
  }

  void rejectUnknown(Set<String> known) {
    for (String name : map.keySet()) {
      if (!known.contains(name)) {
        problem(key(name), "unknown setting; known settings are " + new TreeSet<>(known));
      }
    }
  }

  String text(String name, String fallback) {
    Object v = map.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s && !s.isBlank()) {
      return s.trim();
    }
    problem(key(name), "must be a non-empty string but was '" + v + "'");
    return fallback;
  }

  long number(String name, long fallback, long min) {
    Object v = map.get(name);
    if (v == null) {
      return fallback;
    }
    Long parsed = v instanceof Number n ? Long.valueOf(n.longValue()) : parseLong(v.toString());
    if (parsed == null || parsed < min) {
      problem(key(name), "must be a whole number >= " + min + " but was '" + v + "'");
      return fallback;
    }
    return parsed;
  }

  Duration duration(String name, Duration fallback, boolean zeroAllowed) {
    Object v = map.get(name);
    if (v == null) {
      return fallback;
    }
    Duration d =
        v instanceof Duration given ? given : DurationText.parse(v.toString()).orElse(null);
    if (d == null || d.isNegative() || d.isZero() && !zeroAllowed) {
      problem(
          key(name),
          "must be a "
              + (zeroAllowed ? "" : "positive ")
              + "duration such as 30s, 24h or PT24H but was '"
              + v
              + "'");
      return fallback;
    }
    return d;
  }

  <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
    Object v = map.get(name);
    if (v == null) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.toString().trim())) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    problem(key(name), "must be one of " + String.join(", ", names) + " but was '" + v + "'");
    return fallback;
  }

  void throwIfProblems() {
    if (!problems.isEmpty()) {
      SettingsReader.fail(problems);
    }
  }

  boolean hasProblemsSince(int count) {
    return problems.size() > count;
  }

  int problemCount() {
    return problems.size();
  }

  private static Long parseLong(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
