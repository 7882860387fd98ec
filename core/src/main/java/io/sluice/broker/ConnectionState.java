package io.sluice.broker;

/** Where a broker connection stands; only {@link #CONNECTED} is ready. */
public enum ConnectionState {
  CONNECTING,
  CONNECTED,
  RECONNECTING,
  DRAINING,
  CLOSED;

  public boolean isReady() {
    return this == CONNECTED;
  }
}
