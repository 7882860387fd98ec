package io.sluice.nats.internal;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Drains a jnats connection: flushes what is buffered and lets subscriptions finish. */
final class ConnectionDrain {
  private ConnectionDrain() {}

  static CompletableFuture<Void> drain(Connection connection, Duration timeout) {
    try {
      return connection
          .drain(timeout)
          .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
          .handle((ok, e) -> null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.completedFuture(null);
    } catch (Exception e) {
      return CompletableFuture.completedFuture(null);
    }
  }
}
