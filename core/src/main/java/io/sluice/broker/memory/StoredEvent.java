package io.sluice.broker.memory;

import io.sluice.broker.Delivery;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * An event as the broker holds it.
 *
 * @param position broker-wide order of arrival, for published events and requests alike
 * @param sequence the published event's sequence; empty for requests, which are not retained
 * @param replyTo completed by the first reply when the event is a request; null otherwise
 */
record StoredEvent(
    long position,
    OptionalLong sequence,
    Subject subject,
    CloudEvent event,
    Instant publishedAt,
    CompletableFuture<CloudEvent> replyTo) {

  static StoredEvent published(long position, long sequence, Subject s, CloudEvent e, Instant at) {
    return new StoredEvent(position, OptionalLong.of(sequence), s, e, at, null);
  }

  static StoredEvent request(
      long position, Subject s, CloudEvent e, Instant at, CompletableFuture<CloudEvent> replyTo) {
    return new StoredEvent(position, OptionalLong.empty(), s, e, at, replyTo);
  }

  /** The {@code partitionkey} extension, or null. */
  String partitionKey() {
    return event.extensionAsString(Extensions.PARTITION_KEY).orElse(null);
  }

  /** True when a sender waits for a reply, see {@link Delivery#expectsReply()}. */
  boolean isRequest() {
    return replyTo != null;
  }
}
