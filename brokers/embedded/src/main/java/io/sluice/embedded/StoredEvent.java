package io.sluice.embedded;

import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;

/** One event in the log: its sequence, subject, the broker's publish time and the event. */
record StoredEvent(long sequence, Subject subject, long publishedAtMillis, CloudEvent event) {

  /** The per-key ordering key, or null when the event carries no {@code partitionkey}. */
  String orderingKey() {
    return event.extensionAsString(io.sluice.envelope.Extensions.PARTITION_KEY).orElse(null);
  }
}
