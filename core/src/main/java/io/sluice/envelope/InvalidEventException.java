package io.sluice.envelope;

import java.util.List;
import java.util.stream.Collectors;

/** An event, or its encoding, breaks the CloudEvents rules; carries every violation found. */
public final class InvalidEventException extends IllegalArgumentException {
  private final transient List<Violation> violations;

  public InvalidEventException(List<Violation> violations) {
    super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidEventException needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public InvalidEventException(Violation violation) {
    this(List.of(violation));
  }

  public List<Violation> violations() {
    return violations;
  }
}
