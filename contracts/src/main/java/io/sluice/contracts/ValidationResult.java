package io.sluice.contracts;

import java.util.List;

/**
 * The outcome of validating one event: every violation found, in schema evaluation order.
 *
 * @param type the event type that was checked
 * @param version the schema version used, or 0 when no schema applied
 * @param violations every violation; empty when the event is valid
 */
public record ValidationResult(String type, int version, List<ContractViolation> violations) {
  public ValidationResult {
    violations = List.copyOf(violations);
  }

  static ValidationResult valid(String type, int version) {
    return new ValidationResult(type, version, List.of());
  }

  /** True when there is no violation. */
  public boolean isValid() {
    return violations.isEmpty();
  }
}
