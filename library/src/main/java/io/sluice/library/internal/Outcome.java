package io.sluice.library.internal;

import io.sluice.subject.Subject;
import java.time.Duration;

/** What became of one attempt; the subscription settles the delivery accordingly. */
sealed interface Outcome {

  /** The handler succeeded: ack. */
  record Done() implements Outcome {}

  /** Already processed: ack without handling. */
  record Duplicate(String key) implements Outcome {}

  /** Another consumer is handling the same key; look again after {@code delay}. */
  record Deferred(Duration delay, String key) implements Outcome {}

  /** Failed; try again after {@code delay}. */
  record Retry(Duration delay, Throwable cause) implements Outcome {}

  /** Failed for good and published to the dead-letter subject: ack. */
  record DeadLettered(Subject deadLetter, String reason, Throwable cause) implements Outcome {}

  /** Failed; nothing above decided what next, so the delivery is terminated. */
  record Failed(Throwable cause) implements Outcome {}
}
