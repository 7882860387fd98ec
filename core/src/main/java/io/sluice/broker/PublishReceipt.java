package io.sluice.broker;

import io.sluice.subject.Subject;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where a published event landed: its subject and id, the ack mode honoured, the stream or topic
 * and partition, the sequence or offset when the broker gives one, and whether the broker
 * recognised it as a duplicate of an earlier publish with the same idempotency key.
 */
public record PublishReceipt(
    Subject subject,
    String eventId,
    AckMode ackMode,
    Optional<String> stream,
    OptionalInt partition,
    OptionalLong sequence,
    boolean duplicate) {

  public PublishReceipt {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(ackMode, "ackMode");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(sequence, "sequence");
  }

  /** A fire-and-forget receipt: handed over, position unknown. */
  public static PublishReceipt sent(Subject subject, String eventId) {
    return new PublishReceipt(
        subject,
        eventId,
        AckMode.FIRE_AND_FORGET,
        Optional.empty(),
        OptionalInt.empty(),
        OptionalLong.empty(),
        false);
  }

  /** A durable receipt at a position in a stream. */
  public static PublishReceipt persisted(
      Subject subject, String eventId, String stream, long sequence, boolean duplicate) {
    return new PublishReceipt(
        subject,
        eventId,
        AckMode.DURABLE,
        Optional.of(stream),
        OptionalInt.empty(),
        OptionalLong.of(sequence),
        duplicate);
  }
}
