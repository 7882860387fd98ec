package io.sluice.gateway;

/** The gateway could not start: the port is taken, TLS files are unreadable, the broker failed. */
public final class GatewayStartException extends RuntimeException {
  public GatewayStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
