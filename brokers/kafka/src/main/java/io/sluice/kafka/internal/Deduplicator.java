package io.sluice.kafka.internal;

import io.sluice.broker.PublishReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sluice-side de-duplication of {@code idempotencykey} per topic within a window, in this process's
 * memory. The first publish of a key runs; a repeat within the window completes with the first
 * receipt marked as a duplicate and publishes nothing. A failed first publish forgets its key so a
 * retry goes through.
 */
final class Deduplicator {
  private record Entry(Instant expires, CompletableFuture<PublishReceipt> receipt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration window;
  private volatile Instant nextSweep;

  Deduplicator(Clock clock, Duration window) {
    this.clock = clock;
    this.window = window;
    this.nextSweep = clock.instant();
  }

  CompletableFuture<PublishReceipt> publishOnce(
      String topic, String key, Supplier<CompletableFuture<PublishReceipt>> publish) {
    sweep();
    String id = topic + '\n' + key;
    CompletableFuture<PublishReceipt> mine = new CompletableFuture<>();
    Entry entry = new Entry(clock.instant().plus(window), mine);
    Entry existing = entries.compute(id, (k, old) -> isLive(old) ? old : entry);
    if (existing != entry) {
      return existing.receipt().thenApply(Deduplicator::asDuplicate);
    }
    publish
        .get()
        .whenComplete(
            (receipt, failure) -> {
              if (failure != null) {
                entries.remove(id, entry);
                mine.completeExceptionally(failure);
              } else {
                mine.complete(receipt);
              }
            });
    return mine;
  }

  private boolean isLive(Entry entry) {
    return entry != null && entry.expires().isAfter(clock.instant());
  }

  private void sweep() {
    Instant now = clock.instant();
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plusSeconds(1);
    entries.values().removeIf(e -> !e.expires().isAfter(now));
  }

  private static PublishReceipt asDuplicate(PublishReceipt first) {
    return new PublishReceipt(
        first.subject(),
        first.eventId(),
        first.ackMode(),
        first.stream(),
        first.partition(),
        first.sequence(),
        true);
  }
}
