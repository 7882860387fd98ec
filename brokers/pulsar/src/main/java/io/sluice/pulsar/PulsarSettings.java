package io.sluice.pulsar;

import io.sluice.pulsar.internal.SettingsReader;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a Pulsar broker, read from {@code BrokerSpec.settings()}.
 *
 * @param tenant tenant of every topic
 * @param namespace namespace of every topic
 * @param operationTimeout how long a send, subscribe or lookup waits for the broker
 * @param dedupWindow how long this process remembers an {@code idempotencykey}
 * @param patternDiscovery how often a wildcard subscription looks for new topics
 */
public record PulsarSettings(
    String tenant,
    String namespace,
    Duration operationTimeout,
    Duration dedupWindow,
    Duration patternDiscovery) {

  public static final String DEFAULT_TENANT = "public";
  public static final String DEFAULT_NAMESPACE = "default";

  public PulsarSettings {
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    Objects.requireNonNull(dedupWindow, "dedupWindow");
    Objects.requireNonNull(patternDiscovery, "patternDiscovery");
    requireName("tenant", tenant);
    requireName("namespace", namespace);
    requirePositive("operationTimeout", operationTimeout);
    requirePositive("dedupWindow", dedupWindow);
    if (patternDiscovery.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "patternDiscovery must be >= 1s but was " + patternDiscovery);
    }
  }

  /** Tenant {@code public}, namespace {@code default}, 10 s operations, 2 min dedup window. */
  public static PulsarSettings defaults() {
    return new PulsarSettings(
        DEFAULT_TENANT,
        DEFAULT_NAMESPACE,
        Duration.ofSeconds(10),
        Duration.ofMinutes(2),
        Duration.ofSeconds(1));
  }

  /**
   * Reads settings as nested maps from YAML; throws {@link InvalidPulsarSettingsException} listing
   * every problem with its key.
   */
  public static PulsarSettings parse(Map<String, Object> settings) {
    return SettingsReader.read(settings);
  }

  private static void requireName(String key, String value) {
    if (value == null || !value.matches("[A-Za-z0-9_=:.-]+")) {
      throw new IllegalArgumentException(
          key + " must be letters, digits, '_', '-', '=', ':' or '.' but was '" + value + "'");
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be > 0 but was " + value);
    }
  }
}
