package io.sluice.rabbitmq.internal;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.sluice.broker.ConnectionState;
import java.util.concurrent.atomic.AtomicReference;

/** Follows the connection through automatic recovery, draining and closing. */
final class ConnectionTracker {
  private final AtomicReference<ConnectionState> state =
      new AtomicReference<>(ConnectionState.CONNECTED);

  ConnectionTracker(Connection connection) {
    connection.addShutdownListener(
        cause -> {
          if (!cause.isInitiatedByApplication()) {
            state.compareAndSet(ConnectionState.CONNECTED, ConnectionState.RECONNECTING);
          }
        });
    if (connection instanceof Recoverable recoverable) {
      recoverable.addRecoveryListener(
          new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable r) {
              state.compareAndSet(ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
            }

            @Override
            public void handleRecoveryStarted(Recoverable r) {
              state.compareAndSet(ConnectionState.CONNECTED, ConnectionState.RECONNECTING);
            }
          });
    }
  }

  ConnectionState state() {
    return state.get();
  }

  /** True while the broker takes new work (connected or reconnecting). */
  boolean isOpen() {
    ConnectionState now = state.get();
    return now == ConnectionState.CONNECTED || now == ConnectionState.RECONNECTING;
  }

  /** Moves to DRAINING; false when already draining or closed. */
  boolean startDraining() {
    ConnectionState now = state.get();
    return isOpen() && state.compareAndSet(now, ConnectionState.DRAINING);
  }

  /** Moves to CLOSED; false when it was closed already. */
  boolean close() {
    return state.getAndSet(ConnectionState.CLOSED) != ConnectionState.CLOSED;
  }
}
