package io.sluice.rabbitmq.internal;

import io.sluice.subject.SubjectPattern;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Names of the queues the adapter declares: {@code <exchange>.group.<group>.<pattern>} for a
 * consumer group (the pattern replaced by its SHA-256 when the name would pass 200 bytes), {@code
 * <exchange>.private.<uuid>} for a private subscription and {@code <queue>.delay.<ms>} for the
 * queue that holds delayed redeliveries.
 */
final class QueueNames {
  private static final int LONGEST_BASE = 200;

  private QueueNames() {}

  static String group(String exchange, String group, SubjectPattern pattern) {
    String name = exchange + ".group." + group + "." + pattern.value();
    if (name.getBytes(StandardCharsets.UTF_8).length <= LONGEST_BASE) {
      return name;
    }
    return exchange + ".group." + group + "." + sha256(pattern.value());
  }

  static String privateQueue(String exchange) {
    return exchange + ".private." + UUID.randomUUID();
  }

  static String delay(String queue, Duration delay) {
    return queue + ".delay." + delay.toMillis();
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
}
