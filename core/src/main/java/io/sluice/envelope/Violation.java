package io.sluice.envelope;

import java.util.Objects;

/**
 * One broken rule: which attribute (or JSON member) and which rule, with a sentence a person can
 * read. {@code rule} is a short stable identifier such as {@code required} or {@code rfc3339}.
 */
public record Violation(String attribute, String rule, String message) {
  public Violation {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return attribute + ": " + message + " [" + rule + "]";
  }
}
