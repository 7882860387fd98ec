package io.sluice.library;

import io.sluice.broker.PublishReceipt;
import io.sluice.envelope.CloudEvent;
import java.util.concurrent.CompletionStage;

/**
 * Publishes payloads of one contract to one subject. Obtained from {@link Sluice#publisher}.
 *
 * <p>Each payload is validated (Jakarta Bean Validation) and serialised as JSON into a CloudEvent
 * with {@code datacontenttype application/json} and the contract's {@code eventversion}. An invalid
 * payload fails the stage with {@link EventValidationException}; nothing is published.
 */
public interface Publisher<T> {

  CompletionStage<PublishReceipt> publish(T payload);

  CompletionStage<PublishReceipt> publish(T payload, PublishOptions options);

  /**
   * The event {@link #publish} would send, without sending it; for writing to an {@link
   * io.sluice.library.outbox.Outbox} in the caller's transaction.
   */
  CloudEvent toEvent(T payload, PublishOptions options);
}
