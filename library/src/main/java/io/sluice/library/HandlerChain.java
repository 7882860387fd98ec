package io.sluice.library;

import io.sluice.library.idempotency.ProcessedKeyStore;
import io.sluice.subject.Subject;
import java.util.Objects;
import java.util.Optional;

/**
 * One handler with its reliability decorators: retry, idempotency and dead-lettering. Immutable;
 * each {@code with...} returns a new chain. Built with {@link Handlers#of}.
 *
 * <p>At run time the decorators apply outside-in: dead-letter, retry, idempotency, then decoding,
 * validation and the handler.
 */
public final class HandlerChain<T> {
  private final EventHandler<T> handler;
  private final RetryPolicy retry;
  private final ProcessedKeyStore idempotency;
  private final Subject deadLetter;

  HandlerChain(
      EventHandler<T> handler, RetryPolicy retry, ProcessedKeyStore idempotency, Subject dead) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.idempotency = idempotency;
    this.deadLetter = dead;
  }

  /** Retries transient failures as the policy says. */
  public HandlerChain<T> withRetry(RetryPolicy policy) {
    return new HandlerChain<>(handler, policy, idempotency, deadLetter);
  }

  /** Skips events whose key the store has already seen as processed. */
  public HandlerChain<T> withIdempotency(ProcessedKeyStore store) {
    return new HandlerChain<>(handler, retry, Objects.requireNonNull(store, "store"), deadLetter);
  }

  /** Publishes events that fail for good to {@code subject}, with the reason. */
  public HandlerChain<T> withDeadLetter(String subject) {
    return new HandlerChain<>(handler, retry, idempotency, Subject.of(subject));
  }

  public EventHandler<T> handler() {
    return handler;
  }

  public RetryPolicy retry() {
    return retry;
  }

  public Optional<ProcessedKeyStore> idempotency() {
    return Optional.ofNullable(idempotency);
  }

  public Optional<Subject> deadLetter() {
    return Optional.ofNullable(deadLetter);
  }
}
