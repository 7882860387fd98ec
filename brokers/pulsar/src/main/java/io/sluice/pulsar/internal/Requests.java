package io.sluice.pulsar.internal;

import io.sluice.broker.AckMode;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.InvalidEventException;
import io.sluice.pulsar.PulsarSettings;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request-reply over Pulsar: each broker instance owns one non-persistent reply topic {@code
 * non-persistent://<tenant>/<namespace>/sluice-replies-<uuid>}, created when the first request is
 * sent. A request carries the properties {@code sluice-reply-to} (that topic) and {@code
 * sluice-correlation-id}; the reply carries the same correlation id. The first reply wins.
 */
final class Requests {
  static final String REPLY_TO = "sluice-reply-to";
  static final String CORRELATION_ID = "sluice-correlation-id";
  private static final Logger LOG = LoggerFactory.getLogger(Requests.class);

  private final PulsarBroker broker;
  private final PulsarClient client;
  private final String replyTopic;
  private final Map<String, CompletableFuture<CloudEvent>> pending = new ConcurrentHashMap<>();
  private volatile CompletableFuture<Consumer<byte[]>> replies;

  Requests(PulsarBroker broker, PulsarClient client, PulsarSettings settings) {
    this.broker = broker;
    this.client = client;
    this.replyTopic =
        "non-persistent://"
            + settings.tenant()
            + "/"
            + settings.namespace()
            + "/sluice-replies-"
            + UUID.randomUUID();
  }

  CompletableFuture<CloudEvent> request(
      Subject subject, String topic, CloudEvent request, Duration timeout) {
    String correlationId = UUID.randomUUID().toString();
    CompletableFuture<CloudEvent> reply = new CompletableFuture<>();
    pending.put(correlationId, reply);
    reply.whenComplete((r, e) -> pending.remove(correlationId));
    broker.later(
        () -> reply.completeExceptionally(new RequestTimeoutException(subject, timeout)), timeout);
    Map<String, String> extra = Map.of(REPLY_TO, replyTopic, CORRELATION_ID, correlationId);
    replyConsumer()
        .thenCompose(c -> broker.send(subject, topic, request, AckMode.DURABLE, extra))
        .whenComplete(
            (receipt, failure) -> {
              if (failure != null) {
                reply.completeExceptionally(Failures.ofPublish(subject, failure));
              }
            });
    return reply;
  }

  private synchronized CompletableFuture<Consumer<byte[]>> replyConsumer() {
    if (replies == null || replies.isCompletedExceptionally()) {
      replies =
          client
              .newConsumer()
              .topic(replyTopic)
              .subscriptionName("sluice-requester")
              .subscriptionType(SubscriptionType.Exclusive)
              .messageListener(this::onReply)
              .subscribeAsync();
    }
    return replies;
  }

  private void onReply(Consumer<byte[]> consumer, Message<byte[]> message) {
    consumer.acknowledgeAsync(message);
    CompletableFuture<CloudEvent> waiting = pending.get(message.getProperty(CORRELATION_ID));
    if (waiting == null) {
      return;
    }
    try {
      waiting.complete(EventCodec.decode(message.getProperties(), message.getValue()));
    } catch (InvalidEventException e) {
      LOG.warn("dropping a reply that is not a valid CloudEvent: {}", e.getMessage());
    }
  }

  void close() {
    pending.values().forEach(f -> f.completeExceptionally(PulsarBroker.closed()));
    CompletableFuture<Consumer<byte[]>> consumer = replies;
    if (consumer != null) {
      consumer.thenAccept(Consumer::closeAsync);
    }
  }
}
