package io.sluice.rabbitmq.internal;

import java.time.Duration;
import java.util.UUID;

/**
 * Names of the queues the adapter declares besides group queues ({@link
 * io.sluice.rabbitmq.RabbitMqSettings#groupQueue}): {@code <exchange>.private.<uuid>} for a private
 * subscription and {@code <queue>.delay.<ms>} for the queue that holds delayed redeliveries.
 */
final class QueueNames {
  private QueueNames() {}

  static String privateQueue(String exchange) {
    return exchange + ".private." + UUID.randomUUID();
  }

  static String delay(String queue, Duration delay) {
    return queue + ".delay." + delay.toMillis();
  }
}
