package io.sluice.embedded;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import java.time.Clock;
import org.h2.mvstore.MVMap;

/**
 * The append-only log: events by sequence in one MVStore map, with the last sequence and the stored
 * size kept beside them so neither is lost when retention empties the log. Appends are serialised
 * here; reads go straight to the concurrent map.
 */
final class EventLog {
  private static final String LAST_SEQUENCE = "lastSequence";
  private static final String BYTES = "bytes";

  private final Storage storage;
  private final MVMap<Long, byte[]> events;
  private final MVMap<String, Long> meta;
  private final Deduplicator dedup;
  private final Retention retention;
  private final Clock clock;
  private volatile long lastSequence;
  private long bytes;

  EventLog(Storage storage, EmbeddedSettings settings, Clock clock) {
    this.storage = storage;
    this.events = storage.map("events");
    this.meta = storage.map("log.meta");
    this.dedup = new Deduplicator(storage, settings.dedupWindow());
    this.retention = settings.retention();
    this.clock = clock;
    this.lastSequence = meta.getOrDefault(LAST_SEQUENCE, 0L);
    this.bytes = meta.getOrDefault(BYTES, 0L);
  }

  /** Appends an event, or reports the original sequence when its idempotency key repeats. */
  synchronized Appended append(Subject subject, CloudEvent event) {
    return storage.change(() -> appendNow(subject, event, clock.millis()));
  }

  private Appended appendNow(Subject subject, CloudEvent event, long now) {
    dedup.expire(now);
    String key = event.extensionAsString(Extensions.IDEMPOTENCY_KEY).orElse(null);
    Long original = key == null ? null : dedup.original(key, now);
    if (original != null) {
      return new Appended(original, true);
    }
    long sequence = lastSequence + 1;
    byte[] record = EventCodec.encode(subject, now, event);
    events.put(sequence, record);
    bytes += record.length;
    lastSequence = sequence;
    meta.put(LAST_SEQUENCE, sequence);
    if (key != null) {
      dedup.remember(key, sequence, now);
    }
    trimNow(now);
    return new Appended(sequence, false);
  }

  /** Applies retention and expires idempotency keys; runs on a timer as well as on append. */
  synchronized void trim() {
    storage.change(
        () -> {
          long now = clock.millis();
          dedup.expire(now);
          trimNow(now);
        });
  }

  private void trimNow(long now) {
    Long first = events.firstKey();
    while (first != null && overLimit(first, now)) {
      byte[] removed = events.remove(first);
      bytes -= removed.length;
      first = events.firstKey();
    }
    meta.put(BYTES, bytes);
  }

  private boolean overLimit(long first, long now) {
    if (retention.maxEvents() > 0 && lastSequence - first + 1 > retention.maxEvents()) {
      return true;
    }
    if (retention.maxBytes() > 0 && bytes > retention.maxBytes()) {
      return true;
    }
    return retention.limitsAge()
        && now - EventCodec.publishedAtOf(events.get(first)) > retention.maxAge().toMillis();
  }

  long lastSequence() {
    return lastSequence;
  }

  /** The oldest retained sequence; {@code lastSequence() + 1} when the log is empty. */
  long firstSequence() {
    Long first = events.firstKey();
    return first == null ? lastSequence + 1 : first;
  }

  /** The stored bytes of an event, or null when retention removed it. */
  byte[] record(long sequence) {
    return events.get(sequence);
  }

  StoredEvent read(long sequence) {
    byte[] record = events.get(sequence);
    return record == null ? null : EventCodec.decode(sequence, record);
  }

  long size() {
    return events.sizeAsLong();
  }

  /** The first sequence published at or after {@code millis}, by binary search over the log. */
  long firstSequenceAtOrAfter(long millis) {
    long low = firstSequence();
    long high = lastSequence + 1;
    while (low < high) {
      long mid = (low + high) >>> 1;
      byte[] record = events.get(mid);
      if (record == null || EventCodec.publishedAtOf(record) < millis) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
