package io.sluice.kafka.internal;

import io.sluice.broker.support.SettingDurations;
import io.sluice.broker.support.SettingKeys;
import io.sluice.kafka.InvalidKafkaSettingsException;
import io.sluice.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@link KafkaSettings} from YAML-shaped maps, collecting every problem by key. */
public final class SettingsReader {
  private static final Set<String> KEYS =
      Set.of("operationTimeout", "dedupWindow", "topicDiscovery");

  private final Map<String, Object> settings;
  private final List<String> problems = new ArrayList<>();

  private SettingsReader(Map<String, Object> settings) {
    this.settings = settings;
  }

  public static KafkaSettings read(Map<String, Object> settings) {
    return new SettingsReader(settings).read();
  }

  private KafkaSettings read() {
    KafkaSettings defaults = KafkaSettings.defaults();
    SettingKeys.reportUnknown(settings, KEYS, problems);
    Duration operationTimeout = duration("operationTimeout", defaults.operationTimeout());
    Duration dedupWindow = duration("dedupWindow", defaults.dedupWindow());
    Duration topicDiscovery = duration("topicDiscovery", defaults.topicDiscovery());
    if (!problems.isEmpty()) {
      throw new InvalidKafkaSettingsException(problems);
    }
    return new KafkaSettings(operationTimeout, dedupWindow, topicDiscovery);
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
