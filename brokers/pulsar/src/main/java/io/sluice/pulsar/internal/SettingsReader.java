package io.sluice.pulsar.internal;

import io.sluice.broker.support.SettingDurations;
import io.sluice.broker.support.SettingKeys;
import io.sluice.pulsar.InvalidPulsarSettingsException;
import io.sluice.pulsar.PulsarSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@link PulsarSettings} from YAML-shaped maps, collecting every problem by key. */
public final class SettingsReader {
  private static final Set<String> KEYS =
      Set.of("tenant", "namespace", "operationTimeout", "dedupWindow", "patternDiscovery");

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
    SettingKeys.reportUnknown(settings, KEYS, problems);
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
    Duration parsed =
        value instanceof Duration d
            ? d
            : SettingDurations.parse(String.valueOf(value)).orElse(null);
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      problems.add(
          key + ": must be a positive duration (500ms, 90s, 2m, 1h, PT2M) but was '" + value + "'");
      return fallback;
    }
    return parsed;
  }
}
