package io.sluice.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.sluice.rabbitmq.RabbitMqSettings;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Declares the adapter's exchanges and queues. A consumer group is a durable quorum queue; a
 * private subscription an exclusive, auto-delete classic queue. Both are bound with the pattern's
 * binding key to the event exchange and to the request exchange. A delay queue holds nacked
 * messages for their delay ({@code x-message-ttl}) and then dead-letters them through the default
 * exchange straight back to the subscription's queue; it deletes itself when unused.
 */
final class QueueDeclarations {
  private static final long DELAY_QUEUE_IDLE_MS = Duration.ofMinutes(1).toMillis();

  private QueueDeclarations() {}

  static void exchanges(Channel channel, RabbitMqSettings settings) throws IOException {
    channel.exchangeDeclare(settings.exchange(), "topic", true);
    channel.exchangeDeclare(settings.requestExchange(), "topic", true);
  }

  static void groupQueue(
      Channel channel, RabbitMqSettings settings, String queue, SubjectPattern pattern)
      throws IOException {
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("x-queue-type", "quorum");
    settings.groupQueueExpiry().ifPresent(d -> arguments.put("x-expires", d.toMillis()));
    channel.queueDeclare(queue, true, false, false, arguments);
    bind(channel, settings, queue, pattern);
  }

  static void privateQueue(
      Channel channel, RabbitMqSettings settings, String queue, SubjectPattern pattern)
      throws IOException {
    channel.queueDeclare(queue, false, true, true, Map.of("x-queue-type", "classic"));
    bind(channel, settings, queue, pattern);
  }

  /** Declares (idempotently) the delay queue for {@code target} on a short-lived channel. */
  static String delayQueue(Connection connection, String target, Duration delay, boolean durable)
      throws IOException {
    String name = QueueNames.delay(target, delay);
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("x-message-ttl", delay.toMillis());
    arguments.put("x-dead-letter-exchange", "");
    arguments.put("x-dead-letter-routing-key", target);
    arguments.put("x-expires", delay.toMillis() + DELAY_QUEUE_IDLE_MS);
    Channel channel = connection.createChannel();
    try {
      channel.queueDeclare(name, durable, false, false, arguments);
    } finally {
      closeQuietly(channel);
    }
    return name;
  }

  private static void bind(
      Channel channel, RabbitMqSettings settings, String queue, SubjectPattern pattern)
      throws IOException {
    String key = RoutingKeys.bindingKey(pattern);
    channel.queueBind(queue, settings.exchange(), key);
    channel.queueBind(queue, settings.requestExchange(), key);
  }

  static void closeQuietly(Channel channel) {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
      // already closing; nothing more to release
    }
  }
}
