package io.sluice.gateway.internal;

import io.sluice.contracts.ContractViolation;
import io.sluice.contracts.SchemaRegistry;
import io.sluice.contracts.ValidationResult;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract part of the validate stage: the event's data against the schema registered for its
 * type and version. Without a registry (no {@code schemas} section) every event passes; otherwise a
 * violation fails the publish with 422 {@code contract-violation} listing every violation.
 */
final class ContractCheck {
  static final String SLUG = "contract-violation";

  private final Optional<SchemaRegistry> registry;

  ContractCheck(Optional<SchemaRegistry> registry) {
    this.registry = registry;
  }

  /** Passes the event on, or throws the 422 problem. */
  CloudEvent require(CloudEvent event, Subject subject) {
    registry.ifPresent(
        r -> {
          ValidationResult result = r.validate(event, subject);
          if (!result.isValid()) {
            throw Problems.fail(violated(event.type(), result));
          }
        });
    return event;
  }

  static Problem violated(String type, ValidationResult result) {
    List<ContractViolation> violations = result.violations();
    String detail =
        "the event does not meet the contract of "
            + type
            + (result.version() > 0 ? " version " + result.version() : "")
            + ": "
            + violations.getFirst()
            + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "");
    return Problem.of(422, SLUG, "Event violates its contract", detail)
        .withExtra("violations", violations.stream().map(ContractCheck::json).toList());
  }

  private static Map<String, String> json(ContractViolation v) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("pointer", v.pointer());
    json.put("rule", v.rule());
    json.put("message", v.message());
    return json;
  }
}
