package io.sluice.kafka.internal;

import io.sluice.broker.AckMode;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request-reply over Kafka: each broker instance owns a one-partition reply topic {@code
 * sluice-replies-<uuid>}, created on the first request and deleted on close, read from its end by
 * one thread. A request carries the headers {@code sluice-reply-to} and {@code
 * sluice-correlation-id}; the reply carries the correlation id; the first reply wins.
 */
final class Requests {
  static final String REPLY_TO = "sluice-reply-to";
  static final String CORRELATION_ID = "sluice-correlation-id";
  private static final Logger LOG = LoggerFactory.getLogger(Requests.class);

  private final KafkaBroker broker;
  private final String replyTopic = "sluice-replies-" + UUID.randomUUID();
  private final Map<String, CompletableFuture<CloudEvent>> pending = new ConcurrentHashMap<>();
  private CompletableFuture<Void> reading;
  private volatile boolean active = true;

  Requests(KafkaBroker broker) {
    this.broker = broker;
  }

  CompletableFuture<CloudEvent> request(Subject subject, CloudEvent request, Duration timeout) {
    String correlationId = UUID.randomUUID().toString();
    CompletableFuture<CloudEvent> reply = new CompletableFuture<>();
    pending.put(correlationId, reply);
    reply.whenComplete((r, e) -> pending.remove(correlationId));
    broker.later(
        () -> reply.completeExceptionally(new RequestTimeoutException(subject, timeout)), timeout);
    Map<String, String> headers = Map.of(REPLY_TO, replyTopic, CORRELATION_ID, correlationId);
    startReading()
        .thenCompose(v -> broker.send(subject, request, AckMode.DURABLE, headers))
        .whenComplete(
            (receipt, failure) -> {
              if (failure != null) {
                reply.completeExceptionally(Failures.ofPublish(subject, failure));
              }
            });
    return reply;
  }

  private synchronized CompletableFuture<Void> startReading() {
    if (reading == null) {
      reading = new CompletableFuture<>();
      Thread.ofPlatform().daemon().name("sluice-kafka-replies").start(this::readReplies);
    }
    return reading;
  }

  private void readReplies() {
    try (KafkaConsumer<byte[], byte[]> consumer = broker.newConsumer(null, false)) {
      broker.ensureTopic(replyTopic);
      TopicPartition partition = new TopicPartition(replyTopic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToEnd(List.of(partition));
      consumer.position(partition);
      reading.complete(null);
      while (active) {
        consumer.poll(Duration.ofMillis(50)).forEach(this::onReply);
      }
    } catch (RuntimeException e) {
      reading.completeExceptionally(e);
      LOG.debug("reply reader stopped", e);
    }
  }

  private void onReply(ConsumerRecord<byte[], byte[]> record) {
    String correlationId = EventCodec.header(record.headers(), CORRELATION_ID);
    CompletableFuture<CloudEvent> waiting =
        correlationId == null ? null : pending.get(correlationId);
    if (waiting == null) {
      return;
    }
    try {
      waiting.complete(EventCodec.decode(record.headers(), record.value()));
    } catch (IllegalArgumentException e) {
      LOG.warn("dropping a reply that is not a valid CloudEvent: {}", e.getMessage());
    }
  }

  void close() {
    active = false;
    pending.values().forEach(f -> f.completeExceptionally(KafkaBroker.closed()));
    synchronized (this) {
      if (reading != null) {
        broker.deleteTopic(replyTopic);
      }
    }
  }
}
