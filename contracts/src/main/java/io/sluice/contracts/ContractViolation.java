package io.sluice.contracts;

import java.util.Objects;

/**
 * One reason an event does not meet its contract.
 *
 * @param pointer JSON pointer into the event's {@code data} (RFC 6901, {@code ""} is the root); for
 *     {@code required} it points at the missing member; for envelope rules ({@code unknown-type},
 *     {@code binding}, {@code version}, {@code content-type}, {@code json}) it is {@code ""}
 * @param rule the JSON Schema keyword that failed ({@code type}, {@code required}, {@code enum},
 *     {@code pattern}, {@code format}, {@code minimum}, ...) or the envelope rule's name
 * @param message a sentence a person can act on
 */
public record ContractViolation(String pointer, String rule, String message) {
  public ContractViolation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(root)" : pointer) + " [" + rule + "] " + message;
  }
}
