package io.sluice.library;

import io.sluice.subject.Subject;
import java.time.Duration;

/**
 * What happens inside a {@link Sluice} client, as typed events. Metrics, logs and the {@link
 * io.sluice.library.testing.TestBroker} are consumers of these.
 */
public sealed interface SluiceEvent {

  /** The event's CloudEvents {@code id}. */
  String eventId();

  /** The event's CloudEvents {@code type}. */
  String eventType();

  /** A publisher sent an event and the broker confirmed it. */
  record Published(Subject subject, String eventId, String eventType, boolean duplicate)
      implements SluiceEvent {}

  /** A handler finished an event successfully. */
  record Handled(
      String subscription, String eventId, String eventType, int attempt, Duration latency)
      implements SluiceEvent {}

  /** An attempt failed; {@code willRetry} says whether another follows. */
  record Failed(
      String subscription,
      String eventId,
      String eventType,
      int attempt,
      String errorType,
      String errorMessage,
      boolean willRetry)
      implements SluiceEvent {}

  /** Another attempt was scheduled after {@code delay}. */
  record Retried(
      String subscription, String eventId, String eventType, int nextAttempt, Duration delay)
      implements SluiceEvent {}

  /** An event went to the dead-letter subject. */
  record DeadLettered(
      String subscription,
      String eventId,
      String eventType,
      Subject deadLetterSubject,
      String reason,
      int attempts)
      implements SluiceEvent {}

  /** An event was skipped because its key had already been processed. */
  record DuplicateSkipped(String subscription, String eventId, String eventType, String key)
      implements SluiceEvent {}
}
