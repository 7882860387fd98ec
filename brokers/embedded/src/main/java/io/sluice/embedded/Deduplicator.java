package io.sluice.embedded;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * Remembers idempotency keys for a window, in the store, so the window survives restarts. Keys
 * expire in publish order; {@link #expire} runs on every append and on a timer. Called only inside
 * {@link Storage#change} by the log, which serialises appends.
 */
final class Deduplicator {
  private final MVMap<String, long[]> bySeqAndTime;
  private final MVMap<Long, String> inPublishOrder;
  private final long windowMillis;

  Deduplicator(Storage storage, Duration window) {
    this.bySeqAndTime = storage.map("dedup.keys");
    this.inPublishOrder = storage.map("dedup.order");
    this.windowMillis = window.toMillis();
  }

  /** The sequence first published with this key, if still inside the window. */
  Long original(String key, long nowMillis) {
    long[] entry = bySeqAndTime.get(key);
    return entry != null && nowMillis - entry[1] < windowMillis ? entry[0] : null;
  }

  void remember(String key, long sequence, long nowMillis) {
    bySeqAndTime.put(key, new long[] {sequence, nowMillis});
    inPublishOrder.put(sequence, key);
  }

  void expire(long nowMillis) {
    Iterator<Map.Entry<Long, String>> it = inPublishOrder.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, String> oldest = it.next();
      long[] entry = bySeqAndTime.get(oldest.getValue());
      boolean current = entry != null && entry[0] == oldest.getKey();
      if (current && nowMillis - entry[1] < windowMillis) {
        return;
      }
      if (current) {
        bySeqAndTime.remove(oldest.getValue());
      }
      inPublishOrder.remove(oldest.getKey());
    }
  }
}
