package io.sluice.envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CloudEvents 1.0 attribute rules, checked together so that every violation is reported. */
final class EventValidation {
  private EventValidation() {}

  static void check(
      String id,
      String source,
      String type,
      String dataContentType,
      String subject,
      Map<String, Object> extensions) {
    List<Violation> violations = new ArrayList<>();
    requireNonEmpty("id", id, violations);
    requireNonEmpty("source", source, violations);
    requireNonEmpty("type", type, violations);
    if (!violations.isEmpty()) {
      throw new InvalidEventException(violations);
    }
  }

  private static void requireNonEmpty(String attribute, String value, List<Violation> out) {
    if (value == null || value.isEmpty()) {
      out.add(new Violation(attribute, "required", "is required and must be a non-empty string"));
    }
  }
}
