package io.sluice.broker.support;

import io.sluice.broker.PublishReceipt;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Sluice-side de-duplication for a broker without it: remembers each {@code idempotencykey} per
 * subject for a window after its first publish. A repeat within the window publishes nothing and
 * completes with the first publish's receipt marked duplicate; a publish that failed is forgotten
 * so a retry goes through. Memory only: the window does not survive the process and is not shared
 * with other processes.
 */
public final class Deduplicator {
  private static final int PURGE_EVERY = 1024;

  private final Duration window;
  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  public Deduplicator(Duration window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  /** Runs {@code publish} unless the event repeats an idempotency key seen within the window. */
  public CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, Supplier<CompletionStage<PublishReceipt>> publish) {
    String key = event.extensionAsString(Extensions.IDEMPOTENCY_KEY).orElse(null);
    if (key == null) {
      return publish.get();
    }
    purgeNowAndThen();
    Instant now = clock.instant();
    Entry fresh = new Entry(new CompletableFuture<>(), now.plus(window));
    Entry seen = remember(subject + "\n" + key, fresh, now);
    if (seen != fresh) {
      return seen.receipt().thenApply(first -> duplicateOf(first, event));
    }
    publish
        .get()
        .whenComplete(
            (receipt, error) -> {
              if (error != null) {
                entries.remove(subject + "\n" + key, fresh);
                fresh.receipt().completeExceptionally(error);
              } else {
                fresh.receipt().complete(receipt);
              }
            });
    return fresh.receipt();
  }

  private Entry remember(String key, Entry fresh, Instant now) {
    return entries.compute(
        key, (k, old) -> old == null || !old.expiresAt().isAfter(now) ? fresh : old);
  }

  private static PublishReceipt duplicateOf(PublishReceipt first, CloudEvent event) {
    return new PublishReceipt(
        first.subject(),
        event.id(),
        first.ackMode(),
        first.stream(),
        first.partition(),
        first.sequence(),
        true);
  }

  private void purgeNowAndThen() {
    if (calls.incrementAndGet() % PURGE_EVERY == 0) {
      Instant now = clock.instant();
      entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
    }
  }

  private record Entry(CompletableFuture<PublishReceipt> receipt, Instant expiresAt) {}
}
