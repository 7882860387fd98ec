package io.sluice.contracts;

import java.util.Locale;

/** Which readers must keep working when a new schema version is registered. */
public enum CompatibilityMode {
  /** Readers using the new schema can read data written with the old one. */
  BACKWARD,
  /** Readers using the old schema can read data written with the new one. */
  FORWARD,
  /** Both {@link #BACKWARD} and {@link #FORWARD}. */
  FULL,
  /** No check: any new version is accepted. */
  NONE;

  /**
   * Parses the configuration spelling ({@code backward}, {@code forward}, {@code full}, {@code
   * none}).
   */
  public static CompatibilityMode parse(String value) {
    for (CompatibilityMode mode : values()) {
      if (mode.name().equalsIgnoreCase(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "compatibility must be backward, forward, full or none but was '" + value + "'");
  }

  /** The configuration spelling of this mode. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
