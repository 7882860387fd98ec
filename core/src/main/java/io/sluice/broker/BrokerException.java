package io.sluice.broker;

/**
 * Base of the broker failures. {@link #isTransient()} separates failures worth retrying (the broker
 * is unreachable, a request timed out) from permanent ones (the broker refused the event).
 */
public abstract class BrokerException extends RuntimeException {
  protected BrokerException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when the same operation may succeed if tried again later. */
  public abstract boolean isTransient();
}
