package io.sluice.contracts;

import java.util.Locale;

/** What validation does with an event whose type has no registered schema. */
public enum UnknownTypes {
  /** The event is rejected with an {@code unknown-type} violation. */
  REJECT,
  /** The event passes without a schema check. */
  ALLOW;

  /** Parses the configuration spelling ({@code reject} or {@code allow}). */
  public static UnknownTypes parse(String value) {
    for (UnknownTypes policy : values()) {
      if (policy.name().equalsIgnoreCase(value)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "unknownTypes must be reject or allow but was '" + value + "'");
  }

  /** The configuration spelling of this policy. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
