package io.sluice.nats.internal;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.PublishAck;
import io.sluice.broker.AckMode;
import io.sluice.broker.BrokerException;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.PublishRejectedException;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Fire-and-forget publishes go to core NATS; durable ones to JetStream, whose acknowledgement
 * becomes the receipt. A durable publish never silently becomes fire-and-forget.
 */
final class Publishers implements AutoCloseable {
  private final Connection connection;
  private final JetStream jetStream;
  private final Duration ackTimeout;
  private final AckDeadlines deadlines;

  Publishers(Connection connection, JetStream jetStream, Duration ackTimeout) {
    this.connection = connection;
    this.jetStream = jetStream;
    this.ackTimeout = ackTimeout;
    this.deadlines = new AckDeadlines(ackTimeout);
  }

  PublishReceipt fireAndForget(Subject subject, CloudEvent event) {
    try {
      connection.publish(subject.value(), EventCodec.headers(event), EventCodec.body(event));
      return PublishReceipt.sent(subject, event.id());
    } catch (RuntimeException e) {
      throw Failures.of("publish to '" + subject + "'", e);
    }
  }

  CompletionStage<PublishReceipt> durable(Subject subject, CloudEvent event) {
    return throughJetStream(subject, event, AckMode.DURABLE);
  }

  /**
   * A fire-and-forget publish to a subject a stream stores: JetStream stores it either way, so the
   * receipt waits for the stream's acknowledgement and says where it landed.
   */
  CompletionStage<PublishReceipt> storedByStream(Subject subject, CloudEvent event) {
    return throughJetStream(subject, event, AckMode.FIRE_AND_FORGET);
  }

  private CompletionStage<PublishReceipt> throughJetStream(
      Subject subject, CloudEvent event, AckMode mode) {
    CompletableFuture<PublishReceipt> result = new CompletableFuture<>();
    CompletableFuture<PublishAck> pending =
        jetStream.publishAsync(subject.value(), EventCodec.headers(event), EventCodec.body(event));
    deadlines.watch(pending);
    pending.whenComplete(
        (ack, error) -> {
          deadlines.forget(pending);
          if (error == null) {
            result.complete(receipt(subject, event, ack, mode));
          } else {
            result.completeExceptionally(failure(subject, error));
          }
        });
    return result;
  }

  /** Stops the acknowledgement timer; publishes still waiting are failed by the broker. */
  @Override
  public void close() {
    deadlines.close();
  }

  private static PublishReceipt receipt(
      Subject subject, CloudEvent event, PublishAck ack, AckMode mode) {
    return new PublishReceipt(
        subject,
        event.id(),
        mode,
        Optional.of(ack.getStream()),
        OptionalInt.empty(),
        OptionalLong.of(ack.getSeqno()),
        ack.isDuplicate());
  }

  private BrokerException failure(Subject subject, Throwable error) {
    Throwable cause = Failures.unwrap(error);
    if (Failures.isNoResponders(cause)) {
      return new PublishRejectedException(
          subject,
          "no stream covers subject '" + subject + "'; declare one in broker.settings.streams",
          cause);
    }
    if (cause instanceof JetStreamApiException api) {
      return new PublishRejectedException(subject, api.getErrorDescription(), api);
    }
    if (Failures.isTimeout(cause)) {
      return new BrokerUnavailableException(
          "no JetStream acknowledgement for '"
              + subject
              + "' within "
              + ackTimeout.toMillis()
              + " ms; the event may or may not be stored, retry with the same idempotencykey",
          cause);
    }
    return Failures.of("publish durably to '" + subject + "'", cause);
  }
}
