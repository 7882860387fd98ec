package io.sluice.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import io.sluice.broker.BrokerException;
import io.sluice.broker.BrokerUnavailableException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One channel in publisher-confirm mode shared by every publish of a broker. A confirmed publish is
 * mandatory: the broker returns it (basic.return) when no queue is bound, which fails its future
 * with the caller's rejection; otherwise the future completes on the broker's basic.ack. A header
 * carries the publish sequence number so a return finds its publish. Futures complete on the
 * callback executor, never on the connection's I/O thread.
 */
final class ConfirmingPublisher {
  static final String SEQUENCE_HEADER = "sluice-publish-seq";

  private final Channel channel;
  private final Executor callbacks;
  private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();

  private ConfirmingPublisher(Channel channel, Executor callbacks) {
    this.channel = channel;
    this.callbacks = callbacks;
  }

  static ConfirmingPublisher open(Connection connection, Executor callbacks) throws IOException {
    ConfirmingPublisher publisher = new ConfirmingPublisher(connection.createChannel(), callbacks);
    publisher.channel.confirmSelect();
    publisher.channel.addConfirmListener(publisher::acked, publisher::nacked);
    publisher.channel.addReturnListener(publisher::returned);
    publisher.channel.addShutdownListener(publisher::lost);
    return publisher;
  }

  /**
   * Publishes and completes once the broker confirmed it; an unroutable publish fails with {@code
   * unroutable} applied to the broker's reply text.
   */
  synchronized CompletableFuture<Void> publishConfirmed(
      String exchange,
      String routingKey,
      AMQP.BasicProperties properties,
      byte[] body,
      Function<String, BrokerException> unroutable) {
    long sequence = channel.getNextPublishSeqNo();
    Pending entry = new Pending(new CompletableFuture<>(), unroutable);
    pending.put(sequence, entry);
    try {
      channel.basicPublish(exchange, routingKey, true, withSequence(properties, sequence), body);
    } catch (IOException | RuntimeException e) {
      pending.remove(sequence);
      entry.future.completeExceptionally(unavailable(e));
    }
    return entry.future;
  }

  /** Publishes without waiting for anything; completes once handed to the connection. */
  synchronized CompletableFuture<Void> publish(
      String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
    try {
      channel.basicPublish(exchange, routingKey, false, properties, body);
      return CompletableFuture.completedFuture(null);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(unavailable(e));
    }
  }

  private static AMQP.BasicProperties withSequence(AMQP.BasicProperties properties, long seq) {
    Map<String, Object> headers = new HashMap<>();
    if (properties.getHeaders() != null) {
      headers.putAll(properties.getHeaders());
    }
    headers.put(SEQUENCE_HEADER, seq);
    return properties.builder().headers(headers).build();
  }

  private void acked(long tag, boolean multiple) {
    settle(tag, multiple, null);
  }

  private void nacked(long tag, boolean multiple) {
    settle(tag, multiple, "the broker could not take it (basic.nack)");
  }

  private void settle(long tag, boolean multiple, String nackReason) {
    var settled = multiple ? pending.headMap(tag, true) : pending.subMap(tag, true, tag, true);
    for (var it = settled.values().iterator(); it.hasNext(); ) {
      Pending entry = it.next();
      it.remove();
      callbacks.execute(() -> entry.finish(nackReason));
    }
  }

  private void returned(Return returned) {
    Map<String, Object> headers = returned.getProperties().getHeaders();
    Object sequence = headers == null ? null : headers.get(SEQUENCE_HEADER);
    if (sequence instanceof Number n) {
      Pending entry = pending.get(n.longValue());
      if (entry != null) {
        entry.returnedBecause = returned.getReplyText();
      }
    }
  }

  private void lost(ShutdownSignalException cause) {
    for (var it = pending.values().iterator(); it.hasNext(); ) {
      Pending entry = it.next();
      it.remove();
      callbacks.execute(
          () ->
              entry.future.completeExceptionally(
                  new BrokerUnavailableException(
                      "the connection to RabbitMQ closed before the publish was confirmed")));
    }
  }

  void close() {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
      // closing anyway; pending publishes fail through the shutdown listener
    }
  }

  private static BrokerUnavailableException unavailable(Exception e) {
    return new BrokerUnavailableException("publishing to RabbitMQ failed: " + e.getMessage(), e);
  }

  private static final class Pending {
    final CompletableFuture<Void> future;
    final Function<String, BrokerException> unroutable;
    volatile String returnedBecause;

    Pending(CompletableFuture<Void> future, Function<String, BrokerException> unroutable) {
      this.future = future;
      this.unroutable = unroutable;
    }

    void finish(String nackReason) {
      if (returnedBecause != null) {
        future.completeExceptionally(unroutable.apply(returnedBecause));
      } else if (nackReason != null) {
        future.completeExceptionally(unroutable.apply(nackReason));
      } else {
        future.complete(null);
      }
    }
  }
}
