package io.sluice.broker;

/** The broker was closed or is draining; it takes no new work. */
public final class BrokerClosedException extends BrokerException {
  public BrokerClosedException(String message) {
    super(message, null);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
