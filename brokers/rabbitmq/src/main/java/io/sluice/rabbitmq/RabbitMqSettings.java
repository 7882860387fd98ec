package io.sluice.rabbitmq;

import io.sluice.broker.support.SettingDurations;
import io.sluice.subject.SubjectPattern;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of the RabbitMQ adapter, read from the broker spec's settings map.
 *
 * @param exchange the topic exchange events are published to; requests use {@code
 *     <exchange>.requests}
 * @param dedupWindow how long an {@code idempotencykey} is remembered per subject
 * @param groupQueueExpiry when set, a consumer-group queue unused for this long is deleted by
 *     RabbitMQ ({@code x-expires}); empty keeps group queues until deleted by an operator
 */
public record RabbitMqSettings(
    String exchange, Duration dedupWindow, Optional<Duration> groupQueueExpiry) {

  public static final String EXCHANGE = "exchange";
  public static final String DEDUP_WINDOW = "dedupWindow";
  public static final String GROUP_QUEUE_EXPIRY = "groupQueueExpiry";
  private static final int LONGEST_GROUP_QUEUE = 200;
  private static final Set<String> KNOWN = Set.of(EXCHANGE, DEDUP_WINDOW, GROUP_QUEUE_EXPIRY);

  public RabbitMqSettings {
    List<String> problems = new ArrayList<>();
    if (exchange == null || !exchange.matches("[A-Za-z0-9_.:-]{1,120}")) {
      problems.add(
          EXCHANGE
              + " must be 1-120 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-' but was '"
              + exchange
              + "'");
    }
    if (dedupWindow == null || dedupWindow.isNegative() || dedupWindow.isZero()) {
      problems.add(DEDUP_WINDOW + " must be a positive duration but was " + dedupWindow);
    }
    if (groupQueueExpiry == null) {
      groupQueueExpiry = Optional.empty();
    }
    groupQueueExpiry
        .filter(d -> d.toMillis() < 1)
        .ifPresent(d -> problems.add(GROUP_QUEUE_EXPIRY + " must be >= 1ms but was " + d));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** Exchange {@code sluice}, a two minute de-duplication window, group queues kept. */
  public static RabbitMqSettings defaults() {
    return new RabbitMqSettings("sluice", Duration.ofMinutes(2), Optional.empty());
  }

  /** Reads settings as given in YAML or code, reporting every bad key at once. */
  public static RabbitMqSettings from(Map<String, Object> raw) {
    List<String> problems = new ArrayList<>();
    Set<String> unknown = new TreeSet<>(raw.keySet());
    unknown.removeAll(KNOWN);
    unknown.forEach(
        key ->
            problems.add(
                "unknown amqp setting '" + key + "'; known settings are " + new TreeSet<>(KNOWN)));
    RabbitMqSettings defaults = defaults();
    Object exchange = raw.getOrDefault(EXCHANGE, defaults.exchange());
    Duration window =
        SettingDurations.read(DEDUP_WINDOW, raw.get(DEDUP_WINDOW), problems)
            .orElse(defaults.dedupWindow());
    Optional<Duration> expiry =
        SettingDurations.read(GROUP_QUEUE_EXPIRY, raw.get(GROUP_QUEUE_EXPIRY), problems);
    RabbitMqSettings read = null;
    try {
      read = new RabbitMqSettings(String.valueOf(exchange), window, expiry);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return read;
  }

  /**
   * The durable quorum queue of a consumer group subscribed to {@code pattern}: {@code
   * <exchange>.group.<group>.<pattern>}, the pattern replaced by its SHA-256 when the name would
   * pass 200 bytes.
   */
  public String groupQueue(String group, SubjectPattern pattern) {
    String name = exchange + ".group." + group + "." + pattern.value();
    if (name.getBytes(StandardCharsets.UTF_8).length <= LONGEST_GROUP_QUEUE) {
      return name;
    }
    return exchange + ".group." + group + "." + sha256(pattern.value());
  }

  private static String sha256(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The topic exchange requests are published to, so that only subscribers can answer them. */
  public String requestExchange() {
    return exchange + ".requests";
  }
}
