package io.sluice.pulsar.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;

/**
 * One producer per topic, created on first use and kept for the life of the broker. Batching is off
 * so every message is its own entry with its own message id. Sends to a topic are handed to its
 * producer in call order, also while the producer is still being created.
 */
final class Producers {
  private final PulsarClient client;
  private final long sendTimeoutMillis;
  private final Map<String, CompletableFuture<Producer<byte[]>>> created = new HashMap<>();
  private final Map<String, CompletableFuture<?>> lastHandOver = new HashMap<>();

  Producers(PulsarClient client, long sendTimeoutMillis) {
    this.client = client;
    this.sendTimeoutMillis = sendTimeoutMillis;
  }

  /** Runs {@code sender} with the topic's producer after every earlier send to that topic. */
  synchronized <T> CompletableFuture<T> send(
      String topic, Function<Producer<byte[]>, CompletableFuture<T>> sender) {
    CompletableFuture<Producer<byte[]>> producer = created.computeIfAbsent(topic, this::create);
    CompletableFuture<?> previous =
        lastHandOver.getOrDefault(topic, CompletableFuture.completedFuture(null));
    CompletableFuture<CompletableFuture<T>> handOver =
        previous.handle((v, e) -> null).thenCombine(producer, (v, p) -> sender.apply(p));
    lastHandOver.put(topic, handOver);
    handOver.whenComplete((f, failure) -> forgetFailed(topic, producer, failure));
    return handOver.thenCompose(f -> f);
  }

  private synchronized void forgetFailed(
      String topic, CompletableFuture<Producer<byte[]>> producer, Throwable failure) {
    if (failure != null) {
      created.remove(topic, producer);
    }
  }

  private CompletableFuture<Producer<byte[]>> create(String topic) {
    return client
        .newProducer()
        .topic(topic)
        .enableBatching(false)
        .blockIfQueueFull(true)
        .sendTimeout((int) sendTimeoutMillis, TimeUnit.MILLISECONDS)
        .createAsync();
  }

  /** Waits until everything handed to the producers has been sent or failed. */
  CompletableFuture<Void> flush() {
    return forEach(Producer::flushAsync);
  }

  CompletableFuture<Void> close() {
    return forEach(Producer::closeAsync);
  }

  private CompletableFuture<Void> forEach(
      Function<Producer<byte[]>, CompletableFuture<Void>> action) {
    List<CompletableFuture<Producer<byte[]>>> all;
    synchronized (this) {
      all = List.copyOf(created.values());
    }
    return CompletableFuture.allOf(
        all.stream()
            .map(f -> f.thenCompose(action).exceptionally(e -> null))
            .toArray(CompletableFuture[]::new));
  }
}
