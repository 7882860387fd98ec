package io.sluice.library.internal;

import io.sluice.broker.AckMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.library.DeadLetters;
import io.sluice.library.EventValidationException;
import io.sluice.library.RetryPolicy;
import io.sluice.subject.Subject;
import java.time.Duration;

/**
 * Publishes events that failed for good to the dead-letter subject, with the reason, the attempt
 * count, the last error's type and message and the original subject as extensions. If that publish
 * fails the delivery is retried later rather than lost.
 */
final class DeadLetterStage implements Stage {
  static final int MAX_MESSAGE = DeadLetters.MAX_MESSAGE;
  private static final Duration REPUBLISH_DELAY = Duration.ofSeconds(1);

  private final Stage next;
  private final ClientContext context;
  private final Subject deadLetter;
  private final RetryPolicy policy;

  DeadLetterStage(Stage next, ClientContext context, Subject deadLetter, RetryPolicy policy) {
    this.next = next;
    this.context = context;
    this.deadLetter = deadLetter;
    this.policy = policy;
  }

  @Override
  public Outcome apply(Attempt attempt) {
    Outcome outcome = next.apply(attempt);
    if (!(outcome instanceof Outcome.Failed failed)) {
      return outcome;
    }
    Throwable cause = failed.cause();
    String reason = reasonFor(cause);
    try {
      CloudEvent event = deadLetterEvent(attempt, cause, reason);
      context
          .broker()
          .publish(deadLetter, event, context.strongestAckMode(AckMode.DURABLE))
          .toCompletableFuture()
          .join();
      return new Outcome.DeadLettered(deadLetter, reason, cause);
    } catch (RuntimeException e) {
      return new Outcome.Retry(REPUBLISH_DELAY, e);
    }
  }

  private String reasonFor(Throwable cause) {
    if (cause instanceof EventValidationException) {
      return DeadLetters.REASON_INVALID;
    }
    return policy.classifier().isTransient(cause)
        ? DeadLetters.REASON_EXHAUSTED
        : DeadLetters.REASON_REJECTED;
  }

  private CloudEvent deadLetterEvent(Attempt attempt, Throwable cause, String reason) {
    CloudEvent original = attempt.delivery().event();
    return original.toBuilder()
        .extension(Extensions.IDEMPOTENCY_KEY, "deadletter " + IdempotencyStage.keyOf(original))
        .extension(DeadLetters.REASON, reason)
        .extension(DeadLetters.ATTEMPTS, attempt.number())
        .extension(DeadLetters.ERROR_TYPE, cause.getClass().getName())
        .extension(DeadLetters.ERROR_MESSAGE, messageOf(cause))
        .extension(DeadLetters.ORIGINAL_SUBJECT, attempt.delivery().subject().value())
        .build();
  }

  static String messageOf(Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
  }
}
