package io.sluice.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads the settings map (as loaded from YAML), collecting every problem before failing. */
final class SettingsReader {
  private static final Set<String> KEYS = Set.of("stream", "fsync", "dedupWindow", "retention");
  private static final Set<String> RETENTION_KEYS = Set.of("maxAge", "maxEvents", "maxBytes");

  private final List<String> problems = new ArrayList<>();

  private SettingsReader() {}

  static EmbeddedSettings read(Path directory, Map<String, Object> settings) {
    SettingsReader reader = new SettingsReader();
    EmbeddedSettings defaults = EmbeddedSettings.of(directory);
    reader.unknownKeys("", settings, KEYS);
    String stream = reader.get(settings, "stream", String::valueOf, defaults.stream());
    FsyncPolicy fsync =
        reader.get(settings, "fsync", v -> FsyncPolicy.parse(v.toString()), defaults.fsync());
    Duration dedup =
        reader.get(settings, "dedupWindow", SettingsReader::duration, defaults.dedupWindow());
    Retention retention = reader.retention(settings.get("retention"));
    if (!reader.problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid embedded broker settings: " + String.join("; ", reader.problems));
    }
    try {
      return new EmbeddedSettings(directory, stream, fsync, retention, dedup);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid embedded broker settings: " + e.getMessage(), e);
    }
  }

  private Retention retention(Object value) {
    if (value == null) {
      return Retention.unlimited();
    }
    if (!(value instanceof Map<?, ?> raw)) {
      problems.add(
          "retention must be a map of maxAge, maxEvents, maxBytes but was '" + value + "'");
      return Retention.unlimited();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) raw;
    unknownKeys("retention.", map, RETENTION_KEYS);
    Duration age = get(map, "maxAge", SettingsReader::duration, Duration.ZERO, "retention.");
    long events = get(map, "maxEvents", v -> Long.parseLong(v.toString().trim()), 0L, "retention.");
    long bytes = get(map, "maxBytes", SettingsReader::size, 0L, "retention.");
    try {
      return new Retention(age, events, bytes);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return Retention.unlimited();
    }
  }

  private void unknownKeys(String prefix, Map<String, Object> map, Set<String> known) {
    for (String key : map.keySet()) {
      if (!known.contains(key)) {
        problems.add("unknown key '" + prefix + key + "' (known: " + known + ")");
      }
    }
  }

  private <T> T get(Map<String, Object> map, String key, Function<Object, T> parse, T fallback) {
    return get(map, key, parse, fallback, "");
  }

  private <T> T get(
      Map<String, Object> map, String key, Function<Object, T> parse, T fallback, String prefix) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return parse.apply(value);
    } catch (RuntimeException e) {
      problems.add(prefix + key + ": cannot read '" + value + "' (" + e.getMessage() + ")");
      return fallback;
    }
  }

  /**
   * ISO-8601 ({@code PT2M}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 2m}, {@code
   * 24h}, {@code 7d}.
   */
  static Duration duration(Object value) {
    if (value instanceof Duration d) {
      return d;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    if (text.startsWith("p")) {
      try {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration", e);
      }
    }
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
    }
    long amount = Long.parseLong(text.substring(0, text.length() - 1).trim());
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException("use a unit of ms, s, m, h or d");
    };
  }

  /** Bytes as a number or with a unit: {@code 512kb}, {@code 64mb}, {@code 2gb}. */
  static long size(Object value) {
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    for (String[] unit : new String[][] {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"}}) {
      if (text.endsWith(unit[0])) {
        factor = Long.parseLong(unit[1]);
        text = text.substring(0, text.length() - 2).trim();
      }
    }
    return Math.multiplyExact(Long.parseLong(text), factor);
  }
}
