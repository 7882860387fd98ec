package io.sluice.contracts;

import java.util.Objects;

/**
 * One change that breaks a reader.
 *
 * @param kind what changed
 * @param pointer JSON pointer into the schema document where the change is ({@code ""} is the
 *     root), e.g. {@code /properties/customer/properties/email}
 * @param direction {@link CompatibilityMode#BACKWARD} when new readers break on old data, {@link
 *     CompatibilityMode#FORWARD} when old readers break on new data
 * @param message a sentence naming the member and the values involved
 */
public record BreakingChange(
    ChangeKind kind, String pointer, CompatibilityMode direction, String message) {
  public BreakingChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
    if (direction != CompatibilityMode.BACKWARD && direction != CompatibilityMode.FORWARD) {
      throw new IllegalArgumentException(
          "direction must be BACKWARD or FORWARD but was " + direction);
    }
  }

  @Override
  public String toString() {
    return direction.configName()
        + " "
        + kind
        + " at "
        + (pointer.isEmpty() ? "(root)" : pointer)
        + ": "
        + message;
  }
}
