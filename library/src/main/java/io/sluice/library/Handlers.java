package io.sluice.library;

/** Entry point for building a {@link HandlerChain}. */
public final class Handlers {
  private Handlers() {}

  /** A chain with no retry, no idempotency and no dead-letter subject. */
  public static <T> HandlerChain<T> of(EventHandler<T> handler) {
    return new HandlerChain<>(handler, RetryPolicy.none(), null, null);
  }

  /**
   * The same, naming the payload type so that a lambda's parameter is typed even when decorators
   * follow: {@code Handlers.of(UserCreated.class, e -> ...).withRetry(...)}.
   */
  public static <T> HandlerChain<T> of(Class<T> payloadType, EventHandler<T> handler) {
    return of(handler);
  }
}
