package io.sluice.gateway.push;

/** A change the set of subscriptions refuses: a name taken, or a configured one deleted. */
public final class PushConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PushConflictException(String message) {
    super(message);
  }
}
