package io.sluice.broker;

/** The broker cannot be reached or is not connected right now; worth retrying. */
public final class BrokerUnavailableException extends BrokerException {
  public BrokerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public BrokerUnavailableException(String message) {
    this(message, null);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
