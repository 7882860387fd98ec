package io.sluice.library.internal;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.library.idempotency.ProcessedKeyStore;
import io.sluice.library.idempotency.ProcessedKeyStore.Claim;
import java.time.Duration;

/**
 * Runs the next stage only for the consumer that claims the event's key: completes the key when
 * handling succeeds and releases it when it fails. A key already processed is skipped; a key
 * another consumer is handling right now is deferred. The key is the {@code idempotencykey}
 * extension, else {@code source + " " + id}.
 */
final class IdempotencyStage implements Stage {
  static final Duration IN_PROGRESS_DELAY = Duration.ofMillis(200);

  private final Stage next;
  private final ProcessedKeyStore store;
  private final Duration lease;

  IdempotencyStage(Stage next, ProcessedKeyStore store, Duration lease) {
    this.next = next;
    this.store = store;
    this.lease = lease;
  }

  static String keyOf(CloudEvent event) {
    return event
        .extensionAsString(Extensions.IDEMPOTENCY_KEY)
        .orElseGet(() -> event.source() + " " + event.id());
  }

  @Override
  public Outcome apply(Attempt attempt) {
    String key = keyOf(attempt.delivery().event());
    Claim claim;
    try {
      claim = store.claim(key, lease);
    } catch (RuntimeException e) {
      return new Outcome.Failed(e);
    }
    return switch (claim) {
      case ALREADY_PROCESSED -> new Outcome.Duplicate(key);
      case IN_PROGRESS -> new Outcome.Deferred(IN_PROGRESS_DELAY, key);
      case ACQUIRED -> handleClaimed(attempt, key);
    };
  }

  private Outcome handleClaimed(Attempt attempt, String key) {
    Outcome outcome = next.apply(attempt);
    try {
      if (outcome instanceof Outcome.Done) {
        store.complete(key);
      } else {
        store.release(key);
      }
    } catch (RuntimeException e) {
      return new Outcome.Failed(e);
    }
    return outcome;
  }
}
