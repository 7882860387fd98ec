package io.sluice.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Return;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.NoRespondersException;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request-reply over RabbitMQ's direct reply-to: one channel consumes {@code amq.rabbitmq.reply-to}
 * and publishes every request (mandatory, to the request exchange) with a fresh correlation id. A
 * returned request means no subscriber's queue is bound: {@link NoRespondersException}. A request
 * expires in queues after its timeout.
 */
final class ReplyRequests {
  static final String REPLY_TO = "amq.rabbitmq.reply-to";
  private static final Logger LOG = LoggerFactory.getLogger(ReplyRequests.class);

  private final Channel channel;
  private final String exchange;
  private final Executor callbacks;
  private final ScheduledExecutorService timer;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

  private ReplyRequests(
      Channel channel, String exchange, Executor callbacks, ScheduledExecutorService timer) {
    this.channel = channel;
    this.exchange = exchange;
    this.callbacks = callbacks;
    this.timer = timer;
  }

  static ReplyRequests open(
      Connection connection, String exchange, Executor callbacks, ScheduledExecutorService timer)
      throws IOException {
    Channel channel = connection.createChannel();
    ReplyRequests requests = new ReplyRequests(channel, exchange, callbacks, timer);
    channel.addReturnListener(requests::returned);
    channel.basicConsume(REPLY_TO, true, (tag, delivery) -> requests.replied(delivery), tag -> {});
    return requests;
  }

  CompletableFuture<CloudEvent> request(Subject subject, CloudEvent request, Duration timeout) {
    String correlationId = UUID.randomUUID().toString();
    Waiting entry = new Waiting(subject, new CompletableFuture<>());
    waiting.put(correlationId, entry);
    AMQP.BasicProperties properties =
        AmqpEventCodec.properties(request, false)
            .replyTo(REPLY_TO)
            .correlationId(correlationId)
            .expiration(Long.toString(Math.max(1, timeout.toMillis())))
            .build();
    try {
      synchronized (channel) {
        channel.basicPublish(
            exchange,
            RoutingKeys.routingKey(subject),
            true,
            properties,
            AmqpEventCodec.body(request));
      }
    } catch (IOException | RuntimeException e) {
      fail(correlationId, new BrokerUnavailableException("request to '" + subject + "' failed", e));
    }
    timer.schedule(
        () -> fail(correlationId, new RequestTimeoutException(subject, timeout)),
        timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    return entry.reply;
  }

  private void replied(Delivery delivery) {
    Waiting entry = waiting.remove(String.valueOf(delivery.getProperties().getCorrelationId()));
    if (entry == null) {
      return;
    }
    try {
      CloudEvent reply = AmqpEventCodec.decode(delivery.getProperties(), delivery.getBody());
      callbacks.execute(() -> entry.reply.complete(reply));
    } catch (RuntimeException e) {
      LOG.debug("reply on '{}' is not a CloudEvent", entry.subject, e);
      callbacks.execute(() -> entry.reply.completeExceptionally(e));
    }
  }

  private void returned(Return returned) {
    String correlationId = returned.getProperties().getCorrelationId();
    Waiting entry = correlationId == null ? null : waiting.get(correlationId);
    if (entry != null) {
      fail(correlationId, new NoRespondersException(entry.subject));
    }
  }

  private void fail(String correlationId, RuntimeException error) {
    Waiting entry = waiting.remove(correlationId);
    if (entry != null) {
      callbacks.execute(() -> entry.reply.completeExceptionally(error));
    }
  }

  /** Fails every request still waiting and closes the channel. */
  void close() {
    for (String correlationId : waiting.keySet()) {
      fail(correlationId, new BrokerClosedException("broker closed before the reply arrived"));
    }
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
      LOG.debug("closing the request channel failed", e);
    }
  }

  private record Waiting(Subject subject, CompletableFuture<CloudEvent> reply) {}
}
