package io.sluice.nats.internal;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.sluice.broker.BrokerEvent;
import io.sluice.broker.BrokerListener;
import io.sluice.broker.ConnectionState;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows jnats connection events and maps them to {@link ConnectionState}, telling the spec's
 * listeners about each change.
 */
final class ConnectionStateTracker implements ConnectionListener {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionStateTracker.class);

  private final AtomicReference<ConnectionState> state =
      new AtomicReference<>(ConnectionState.CONNECTING);
  private final String url;
  private final List<BrokerListener> listeners;
  private final Clock clock;
  private volatile Runnable onReconnected = () -> {};

  ConnectionStateTracker(String redactedUrl, List<BrokerListener> listeners, Clock clock) {
    this.url = redactedUrl;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  /** Runs {@code action} on a fresh thread each time the connection comes back. */
  void onReconnected(Runnable action) {
    this.onReconnected = action;
  }

  ConnectionState state() {
    return state.get();
  }

  @Override
  public void connectionEvent(Connection connection, Events event) {
    switch (event) {
      case CONNECTED, RESUBSCRIBED -> moveTo(ConnectionState.CONNECTED);
      case RECONNECTED -> {
        moveTo(ConnectionState.CONNECTED);
        Thread.ofVirtual().name("sluice-nats-resume").start(onReconnected);
      }
      case DISCONNECTED -> moveTo(ConnectionState.RECONNECTING);
      case CLOSED -> moveTo(ConnectionState.CLOSED);
      default -> LOG.debug("NATS {} at {}", event.getEvent(), url);
    }
  }

  /** Records a state the adapter itself causes (draining, closed). */
  void moveTo(ConnectionState next) {
    ConnectionState previous = state.getAndUpdate(s -> s == ConnectionState.CLOSED ? s : next);
    if (previous == next || previous == ConnectionState.CLOSED) {
      return;
    }
    if (next == ConnectionState.RECONNECTING) {
      LOG.warn("NATS connection to {} lost; reconnecting", url);
    } else if (previous == ConnectionState.RECONNECTING && next == ConnectionState.CONNECTED) {
      LOG.info("NATS connection to {} restored", url);
    }
    notifyListeners(next);
  }

  private void notifyListeners(ConnectionState next) {
    BrokerEvent event = new BrokerEvent.ConnectionChanged(clock.instant(), next);
    for (BrokerListener listener : listeners) {
      try {
        listener.on(event);
      } catch (RuntimeException e) {
        LOG.warn("broker listener failed on ConnectionChanged", e);
      }
    }
  }
}
