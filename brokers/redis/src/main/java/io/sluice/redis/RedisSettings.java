package io.sluice.redis;

import io.sluice.broker.support.SettingDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of the Redis Streams adapter, read from the broker spec's settings map.
 *
 * @param keyPrefix prefix of every stream key: subject {@code a.b} lives in {@code <keyPrefix>a.b}
 * @param dedupPrefix prefix of the keys that remember idempotency keys
 * @param maxLen approximate number of entries each stream keeps ({@code XADD MAXLEN ~}); 0 keeps
 *     all
 * @param dedupWindow how long an {@code idempotencykey} is remembered per subject
 * @param scanInterval how often a wildcard subscription looks for new streams that match it
 * @param claimInterval how often a group member claims pending entries idle for longer than ackWait
 * @param waitReplicas replicas a durable publish waits for ({@code WAIT}); 0 waits for none
 * @param waitTimeout longest {@code WAIT} for those replicas
 */
public record RedisSettings(
    String keyPrefix,
    String dedupPrefix,
    long maxLen,
    Duration dedupWindow,
    Duration scanInterval,
    Duration claimInterval,
    int waitReplicas,
    Duration waitTimeout) {

  private static final Set<String> KNOWN =
      Set.of(
          "keyPrefix",
          "dedupPrefix",
          "maxLen",
          "dedupWindow",
          "scanInterval",
          "claimInterval",
          "waitReplicas",
          "waitTimeout");

  public RedisSettings {
    List<String> problems = new ArrayList<>();
    if (keyPrefix == null || keyPrefix.isEmpty() || hasGlobCharacters(keyPrefix)) {
      problems.add(
          "keyPrefix must be non-empty without *, ?, [, ] or \\ but was '" + keyPrefix + "'");
    }
    if (dedupPrefix == null || dedupPrefix.isEmpty() || dedupPrefix.equals(keyPrefix)) {
      problems.add(
          "dedupPrefix must be non-empty and differ from keyPrefix but was '" + dedupPrefix + "'");
    }
    if (maxLen < 0) {
      problems.add("maxLen must be >= 0 but was " + maxLen);
    }
    positive("dedupWindow", dedupWindow, problems);
    positive("scanInterval", scanInterval, problems);
    positive("claimInterval", claimInterval, problems);
    positive("waitTimeout", waitTimeout, problems);
    if (waitReplicas < 0) {
      problems.add("waitReplicas must be >= 0 but was " + waitReplicas);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  public static RedisSettings defaults() {
    return new RedisSettings(
        "sluice:",
        "sluice-dedup:",
        100_000,
        Duration.ofMinutes(2),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        0,
        Duration.ofSeconds(1));
  }

  /** Reads settings as given in YAML or code, reporting every bad key at once. */
  public static RedisSettings from(Map<String, Object> raw) {
    List<String> problems = new ArrayList<>();
    Set<String> unknown = new TreeSet<>(raw.keySet());
    unknown.removeAll(KNOWN);
    unknown.forEach(
        key ->
            problems.add(
                "unknown redis setting '" + key + "'; known settings are " + new TreeSet<>(KNOWN)));
    RedisSettings read = null;
    try {
      read = new Reader(raw, problems).settings(defaults());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return read;
  }

  private static boolean hasGlobCharacters(String text) {
    return text.chars().anyMatch(c -> "*?[]\\".indexOf(c) >= 0);
  }

  private static void positive(String key, Duration value, List<String> problems) {
    if (value == null || value.isNegative() || value.isZero()) {
      problems.add(key + " must be a positive duration but was " + value);
    }
  }

  private record Reader(Map<String, Object> raw, List<String> problems) {
    RedisSettings settings(RedisSettings d) {
      return new RedisSettings(
          text("keyPrefix", d.keyPrefix()),
          text("dedupPrefix", d.dedupPrefix()),
          number("maxLen", d.maxLen()),
          duration("dedupWindow", d.dedupWindow()),
          duration("scanInterval", d.scanInterval()),
          duration("claimInterval", d.claimInterval()),
          (int) number("waitReplicas", d.waitReplicas()),
          duration("waitTimeout", d.waitTimeout()));
    }

    String text(String key, String fallback) {
      Object value = raw.get(key);
      return value == null ? fallback : String.valueOf(value);
    }

    long number(String key, long fallback) {
      Object value = raw.get(key);
      if (value == null) {
        return fallback;
      }
      try {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        problems.add(key + " must be a whole number but was '" + value + "'");
        return fallback;
      }
    }

    Duration duration(String key, Duration fallback) {
      return SettingDurations.read(key, raw.get(key), problems).orElse(fallback);
    }
  }
}
