package io.sluice.library.internal;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.library.idempotency.ProcessedKeyStore;

/**
 * Skips events already processed and records those the next stage completes. The key is the {@code
 * idempotencykey} extension, else {@code source + " " + id}.
 */
final class IdempotencyStage implements Stage {
  private final Stage next;
  private final ProcessedKeyStore store;

  IdempotencyStage(Stage next, ProcessedKeyStore store) {
    this.next = next;
    this.store = store;
  }

  static String keyOf(CloudEvent event) {
    return event
        .extensionAsString(Extensions.IDEMPOTENCY_KEY)
        .orElseGet(() -> event.source() + " " + event.id());
  }

  @Override
  public Outcome apply(Attempt attempt) {
    String key = keyOf(attempt.delivery().event());
    try {
      if (store.isProcessed(key)) {
        return new Outcome.Duplicate(key);
      }
    } catch (RuntimeException e) {
      return new Outcome.Failed(e);
    }
    Outcome outcome = next.apply(attempt);
    if (outcome instanceof Outcome.Done) {
      try {
        store.markProcessed(key);
      } catch (RuntimeException e) {
        return new Outcome.Failed(e);
      }
    }
    return outcome;
  }
}
