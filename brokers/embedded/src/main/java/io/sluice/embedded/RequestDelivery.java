package io.sluice.embedded;

import io.sluice.broker.Delivery;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A request handed to a subscriber. Requests are not logged, so settling is a no-op; the first
 * reply from any responder completes the requester's stage.
 */
final class RequestDelivery implements Delivery {
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final Subject subject;
  private final CloudEvent request;
  private final CompletableFuture<CloudEvent> replies;

  RequestDelivery(Subject subject, CloudEvent request, CompletableFuture<CloudEvent> replies) {
    this.subject = subject;
    this.request = request;
    this.replies = replies;
  }

  @Override
  public Subject subject() {
    return subject;
  }

  @Override
  public CloudEvent event() {
    return request;
  }

  @Override
  public int deliveryCount() {
    return 1;
  }

  @Override
  public OptionalLong sequence() {
    return OptionalLong.empty();
  }

  @Override
  public CompletionStage<Void> ack() {
    return DONE;
  }

  @Override
  public CompletionStage<Void> nack(Duration delay) {
    if (delay == null || delay.isNegative()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("nack delay must be >= 0 but was " + delay));
    }
    return DONE;
  }

  @Override
  public CompletionStage<Void> term() {
    return DONE;
  }

  @Override
  public boolean expectsReply() {
    return true;
  }

  @Override
  public CompletionStage<Void> reply(CloudEvent reply) {
    replies.complete(reply);
    return DONE;
  }
}
