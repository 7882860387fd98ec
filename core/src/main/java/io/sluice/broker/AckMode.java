package io.sluice.broker;

/** How much confirmation a publish waits for. */
public enum AckMode {
  /** Complete once the event is handed to the connection; it may be lost if the broker fails. */
  FIRE_AND_FORGET,
  /** Complete only once the broker has persisted the event. */
  DURABLE
}
