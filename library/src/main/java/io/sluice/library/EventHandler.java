package io.sluice.library;

/**
 * Application code that handles one event. Throwing fails the attempt: {@link
 * NonRetryableException} and its subclasses are never retried, anything else is retried as the
 * chain's {@link RetryPolicy} allows.
 */
@FunctionalInterface
public interface EventHandler<T> {
  void handle(Event<T> event) throws Exception;
}
