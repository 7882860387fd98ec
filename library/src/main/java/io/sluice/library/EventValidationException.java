package io.sluice.library;

import java.util.List;

/**
 * A payload broke its contract: it could not be decoded, or Bean Validation found violations. Never
 * retried: the same payload fails the same way every time.
 */
public final class EventValidationException extends NonRetryableException {
  private final String eventType;
  private final List<String> violations;

  public EventValidationException(String eventType, List<String> violations) {
    super("event '" + eventType + "' is invalid: " + String.join("; ", violations));
    this.eventType = eventType;
    this.violations = List.copyOf(violations);
  }

  public String eventType() {
    return eventType;
  }

  /** Each violation as {@code path: message}, e.g. {@code email: must be a well-formed email}. */
  public List<String> violations() {
    return violations;
  }
}
