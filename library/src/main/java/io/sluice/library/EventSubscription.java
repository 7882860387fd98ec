package io.sluice.library;

/** A running typed subscription. {@link #close()} drains: it waits for in-flight handling. */
public interface EventSubscription extends AutoCloseable {

  /** The name from {@link ConsumerOptions#name()}. */
  String name();

  /** Events being handled or waiting for an in-process retry right now. */
  int inFlight();

  /**
   * Stops taking new events, waits up to the drain timeout for those in flight, then closes. Events
   * still unsettled after that are redelivered by the broker. Idempotent.
   */
  @Override
  void close();
}
