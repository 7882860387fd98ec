package io.sluice.broker;

import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * One event handed to a subscriber, with the means to settle it. Settling twice is harmless: only
 * the first {@code ack}, {@code nack} or {@code term} counts.
 */
public interface Delivery {

  Subject subject();

  CloudEvent event();

  /** 1 on first delivery, incremented on each redelivery. */
  int deliveryCount();

  /** The broker's sequence or offset for this event, when it has one. */
  OptionalLong sequence();

  /** Done: the event will not be delivered to this group again. */
  CompletionStage<Void> ack();

  /** Failed: deliver again after {@code delay} ({@link Duration#ZERO} for at once). */
  CompletionStage<Void> nack(Duration delay);

  /** Failed for good: never deliver again (a dead-letter decision belongs to the caller). */
  CompletionStage<Void> term();

  /** True when the sender waits for a reply ({@link Broker#request}). */
  boolean expectsReply();

  /** Sends the reply to a request; fails with IllegalStateException when none is expected. */
  CompletionStage<Void> reply(CloudEvent reply);
}
