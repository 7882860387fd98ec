package io.sluice.nats.internal;

import io.sluice.broker.BrokerClosedException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Publishes and requests still waiting for the server, so closing can fail them at once. */
final class PendingOperations {
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

  <T> CompletionStage<T> track(CompletionStage<T> stage) {
    CompletableFuture<T> future = new CompletableFuture<>();
    pending.add(future);
    stage.whenComplete(
        (value, error) -> {
          pending.remove(future);
          if (error == null) {
            future.complete(value);
          } else {
            future.completeExceptionally(Failures.unwrap(error));
          }
        });
    return future;
  }

  void failAll(String url) {
    for (CompletableFuture<?> future : pending) {
      future.completeExceptionally(
          new BrokerClosedException(
              "NATS broker " + url + " was closed before the server answered"));
    }
    pending.clear();
  }
}
