package io.sluice.broker.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Remembers idempotency keys for a window after their first publish. Not thread-safe. */
final class DedupIndex {
  private record Entry(long sequence, Instant expiresAt) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Duration window;

  DedupIndex(Duration window) {
    this.window = window;
  }

  /** The sequence first published with {@code key}, if it is still within the window. */
  OptionalLong original(String key, Instant now) {
    expire(now);
    Entry entry = entries.get(key);
    return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.sequence());
  }

  void remember(String key, long sequence, Instant now) {
    entries.put(key, new Entry(sequence, now.plus(window)));
  }

  private void expire(Instant now) {
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      if (it.next().expiresAt().isAfter(now)) {
        return;
      }
      it.remove();
    }
  }
}
