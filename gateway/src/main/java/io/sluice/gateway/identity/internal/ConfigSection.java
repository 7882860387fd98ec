package io.sluice.gateway.identity.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One section of the configuration with its dotted path; typed reads add a problem and return empty
 * instead of throwing.
 */
public final class ConfigSection {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private final String path;
  private final Map<String, Object> values;
  private final List<String> problems;

  private ConfigSection(String path, Map<String, Object> values, List<String> problems) {
    this.path = path;
    this.values = values;
    this.problems = problems;
  }

  /** A section from a value that should be a map; adds a problem and returns empty otherwise. */
  public static Optional<ConfigSection> of(String path, Object value, List<String> problems) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return Optional.of(new ConfigSection(path, copy, problems));
    }
    problems.add(path + ": must be a map of settings but was " + describe(value));
    return Optional.empty();
  }

  public String path() {
    return path;
  }

  public Map<String, Object> values() {
    return values;
  }

  public boolean has(String key) {
    return values.get(key) != null;
  }

  /** Adds a problem for every key not in {@code allowed}. */
  public void allowOnly(String... allowed) {
    Set<String> known = new LinkedHashSet<>(List.of(allowed));
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        problem(key, "unknown key; expected one of " + String.join(", ", known));
      }
    }
  }

  /** Adds {@code "<path>.<key>: <message>"} to the problems. */
  public void problem(String key, String message) {
    problems.add(path + "." + key + ": " + message);
  }

  public Optional<String> string(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s && !s.isBlank()) {
      return Optional.of(s);
    }
    problem(key, "must be a non-empty string but was " + describe(v));
    return Optional.empty();
  }

  public Optional<String> requiredString(String key) {
    if (!has(key)) {
      problem(key, "is required");
      return Optional.empty();
    }
    return string(key);
  }

  /** A string or a list of strings, as a list; empty when absent or wrong. */
  public List<String> stringOrList(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s && !s.isBlank()) {
      return List.of(s);
    }
    if (v instanceof List<?> list
        && !list.isEmpty()
        && list.stream().allMatch(ConfigSection::text)) {
      return list.stream().map(String.class::cast).toList();
    }
    problem(key, "must be a string or a non-empty list of strings but was " + describe(v));
    return List.of();
  }

  public Optional<Duration> duration(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(String.valueOf(v).trim());
    if (v instanceof String && m.matches()) {
      long n = Long.parseLong(m.group(1));
      return Optional.of(
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          });
    }
    problem(key, "must be a duration like 500ms, 30s, 5m or 1h but was " + describe(v));
    return Optional.empty();
  }

  public OptionalInt positiveInt(String key) {
    Object v = values.get(key);
    if (v == null) {
      return OptionalInt.empty();
    }
    String s = String.valueOf(v).trim();
    if ((v instanceof Number || v instanceof String) && s.matches("\\d{1,9}")) {
      int n = Integer.parseInt(s);
      if (n > 0) {
        return OptionalInt.of(n);
      }
    }
    problem(key, "must be a positive whole number but was " + describe(v));
    return OptionalInt.empty();
  }

  public Optional<ConfigSection> section(String key) {
    Object v = values.get(key);
    return v == null ? Optional.empty() : of(path + "." + key, v, problems);
  }

  /** A list of maps; each element becomes a section named {@code key[i]}. */
  public List<ConfigSection> sections(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      problem(key, "must be a list but was " + describe(v));
      return List.of();
    }
    List<ConfigSection> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      of(path + "." + key + "[" + i + "]", list.get(i), problems).ifPresent(result::add);
    }
    return result;
  }

  private static boolean text(Object o) {
    return o instanceof String s && !s.isBlank();
  }

  /** Quotes a config value for a message; long values are cut so a pasted secret is not echoed. */
  public static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    String s = String.valueOf(value);
    return "'" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "'";
  }
}
