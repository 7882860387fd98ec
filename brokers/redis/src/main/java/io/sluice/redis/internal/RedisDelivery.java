package io.sluice.redis.internal;

import io.sluice.broker.Delivery;
import io.sluice.broker.support.Settlement;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/** One stream entry handed to a subscriber; the first ack, nack, term or ackWait expiry counts. */
final class RedisDelivery implements Delivery {
  private final StreamSubscription owner;
  private final String key;
  private final String entryId;
  private final Subject subject;
  private final CloudEvent event;
  private final int deliveryCount;
  private final Map<String, byte[]> fields;
  private final Settlement settlement = new Settlement();

  RedisDelivery(StreamSubscription owner, StreamEntry entry, Subject subject, CloudEvent event) {
    this.owner = owner;
    this.key = entry.key();
    this.entryId = entry.id();
    this.subject = subject;
    this.event = event;
    this.deliveryCount = entry.deliveryCount();
    this.fields = entry.fields();
  }

  String key() {
    return key;
  }

  String entryId() {
    return entryId;
  }

  Map<String, byte[]> fields() {
    return fields;
  }

  void expireAfter(Future<?> expiry) {
    settlement.expireAfter(expiry);
  }

  /** ackWait passed without a settlement. */
  void expire() {
    if (settle()) {
      owner.expired(this);
    }
  }

  @Override
  public Subject subject() {
    return subject;
  }

  @Override
  public CloudEvent event() {
    return event;
  }

  @Override
  public int deliveryCount() {
    return deliveryCount;
  }

  @Override
  public OptionalLong sequence() {
    return StreamKeys.sequence(entryId).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  @Override
  public CompletionStage<Void> ack() {
    return settle() ? owner.ack(this) : Settlement.alreadySettled();
  }

  @Override
  public CompletionStage<Void> nack(Duration delay) {
    Settlement.nackDelay(delay);
    return settle() ? owner.nack(this, delay) : Settlement.alreadySettled();
  }

  @Override
  public CompletionStage<Void> term() {
    return settle() ? owner.term(this) : Settlement.alreadySettled();
  }

  @Override
  public boolean expectsReply() {
    return fields.containsKey(StreamEventCodec.REPLY_TO);
  }

  @Override
  public CompletionStage<Void> reply(CloudEvent reply) {
    Objects.requireNonNull(reply, "reply");
    if (!expectsReply()) {
      throw new IllegalStateException(
          "event " + event.id() + " on '" + subject + "' was published, not sent as a request");
    }
    return owner.reply(
        StreamEventCodec.text(fields, StreamEventCodec.REPLY_TO),
        StreamEventCodec.text(fields, StreamEventCodec.CORRELATION),
        reply);
  }

  private boolean settle() {
    if (!settlement.settle()) {
      return false;
    }
    owner.released(this);
    return true;
  }
}
