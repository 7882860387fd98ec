package io.sluice.kafka;

import io.sluice.kafka.internal.SettingsReader;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a Kafka broker, read from {@code BrokerSpec.settings()}.
 *
 * @param operationTimeout how long a send, topic creation or group join waits for Kafka
 * @param dedupWindow how long this process remembers an {@code idempotencykey}
 * @param topicDiscovery how often a wildcard subscription looks for new topics
 */
public record KafkaSettings(
    Duration operationTimeout, Duration dedupWindow, Duration topicDiscovery) {

  public KafkaSettings {
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    Objects.requireNonNull(dedupWindow, "dedupWindow");
    Objects.requireNonNull(topicDiscovery, "topicDiscovery");
    requirePositive("operationTimeout", operationTimeout);
    requirePositive("dedupWindow", dedupWindow);
    requirePositive("topicDiscovery", topicDiscovery);
  }

  /** 10 s operations, a 2 min dedup window, topic discovery every 500 ms. */
  public static KafkaSettings defaults() {
    return new KafkaSettings(Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofMillis(500));
  }

  /**
   * Reads settings as nested maps from YAML; throws {@link InvalidKafkaSettingsException} listing
   * every problem with its key.
   */
  public static KafkaSettings parse(Map<String, Object> settings) {
    return SettingsReader.read(settings);
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be > 0 but was " + value);
    }
  }
}
