package io.sluice.library;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded, validated event handed to a handler.
 *
 * @param payload the event's data as the contract's type
 * @param cloudEvent the envelope as received
 * @param subject where it was published
 * @param attempt 1 on the first try, then 2, 3, ... on retries
 */
public record Event<T>(T payload, CloudEvent cloudEvent, Subject subject, int attempt) {

  public Event {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(cloudEvent, "cloudEvent");
    Objects.requireNonNull(subject, "subject");
  }

  public String id() {
    return cloudEvent.id();
  }

  public Optional<String> correlationId() {
    return cloudEvent.extensionAsString(Extensions.CORRELATION_ID);
  }

  public Optional<String> idempotencyKey() {
    return cloudEvent.extensionAsString(Extensions.IDEMPOTENCY_KEY);
  }
}
