package io.sluice.kafka.internal;

import io.sluice.broker.Delivery;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * One record handed to a handler. It counts against maxInFlight until it is settled or its ackWait
 * passes (then the subscription seeks back to redeliver it); an ack after that still counts.
 */
final class KafkaDelivery implements Delivery {
  private static final int OPEN = 0;
  private static final int SETTLED = 1;
  private static final int EXPIRED = 2;

  private final KafkaSubscription subscription;
  private final Member member;
  private final TopicPartition partition;
  private final long offset;
  private final Subject subject;
  private final CloudEvent event;
  private final int count;
  private final long deadlineNanos;
  private final String replyTo;
  private final String correlationId;
  private final AtomicInteger state = new AtomicInteger(OPEN);

  KafkaDelivery(
      KafkaSubscription subscription,
      Member member,
      TopicPartition partition,
      long offset,
      Subject subject,
      CloudEvent event,
      int count,
      long deadlineNanos,
      String replyTo,
      String correlationId) {
    this.subscription = subscription;
    this.member = member;
    this.partition = partition;
    this.offset = offset;
    this.subject = subject;
    this.event = event;
    this.count = count;
    this.deadlineNanos = deadlineNanos;
    this.replyTo = replyTo;
    this.correlationId = correlationId;
  }

  Member member() {
    return member;
  }

  TopicPartition partition() {
    return partition;
  }

  long offset() {
    return offset;
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
    return count;
  }

  @Override
  public OptionalLong sequence() {
    return OptionalLong.of(offset + 1);
  }

  @Override
  public CompletionStage<Void> ack() {
    if (settle()) {
      subscription.acked(this);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> nack(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("nack delay must be >= 0 but was " + delay);
    }
    if (state.compareAndSet(OPEN, SETTLED)) {
      subscription.nacked(this, delay);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> term() {
    if (settle()) {
      subscription.terminated(this);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean expectsReply() {
    return replyTo != null;
  }

  @Override
  public CompletionStage<Void> reply(CloudEvent reply) {
    Objects.requireNonNull(reply, "reply");
    if (replyTo == null) {
      throw new IllegalStateException(
          "event '" + event.id() + "' on '" + subject + "' was published, not sent as a request");
    }
    return subscription.reply(replyTo, correlationId, reply);
  }

  boolean isOpen() {
    return state.get() == OPEN;
  }

  /** Called by the poll thread once ackWait has passed; true when it was still open. */
  boolean expireIfDue(long nowNanos) {
    return nowNanos - deadlineNanos >= 0 && state.compareAndSet(OPEN, EXPIRED);
  }

  private boolean settle() {
    return state.compareAndSet(OPEN, SETTLED) || state.compareAndSet(EXPIRED, SETTLED);
  }
}
