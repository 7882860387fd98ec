package io.sluice.pulsar.internal;

import io.sluice.pulsar.InvalidPulsarSettingsException;
import io.sluice.pulsar.PulsarSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link PulsarSettings} from YAML-shaped maps, collecting every problem by key. */
public final class SettingsReader {
  private static final Set<String> KEYS =
      Set.of("tenant", "namespace", "operationTimeout", "dedupWindow", "patternDiscovery");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private final Map<String, Object> settings;
  private final List<String> problems = new ArrayList<>();

  private SettingsReader(Map<String, Object> settings) {
    this.settings = settings;
  }

  public static PulsarSettings read(Map<String, Object> settings) {
    return new SettingsReader(settings).read();
  }

  private PulsarSettings read() {
    PulsarSettings defaults = PulsarSettings.defaults();
    for (String key : new TreeSet<>(settings.keySet())) {
      if (!KEYS.contains(key)) {
        problems.add(key + ": unknown setting; known settings are " + new TreeSet<>(KEYS));
      }
    }
    String tenant = text("tenant", defaults.tenant());
    String namespace = text("namespace", defaults.namespace());
    Duration operationTimeout = duration("operationTimeout", defaults.operationTimeout());
    Duration dedupWindow = duration("dedupWindow", defaults.dedupWindow());
    Duration patternDiscovery = duration("patternDiscovery", defaults.patternDiscovery());
    if (problems.isEmpty()) {
      try {
        return new PulsarSettings(
            tenant, namespace, operationTimeout, dedupWindow, patternDiscovery);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    throw new InvalidPulsarSettingsException(problems);
  }

  private String text(String key, String fallback) {
    Object value = settings.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    problems.add(key + ": must be a non-empty string but was '" + value + "'");
    return fallback;
  }

  private Duration duration(String key, Duration fallback) {
    Object value = settings.get(key);
    if (value == null) {
      return fallback;
    }
    Duration parsed = value instanceof Duration d ? d : parseDuration(String.valueOf(value));
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      problems.add(
          key + ": must be a positive duration (500ms, 90s, 2m, 1h, PT2M) but was '" + value + "'");
      return fallback;
    }
    return parsed;
  }

  static Duration parseDuration(String text) {
    Matcher m = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
