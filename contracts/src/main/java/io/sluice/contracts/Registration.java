package io.sluice.contracts;

import java.util.Objects;

/**
 * The answer to {@link SchemaRegistry#register}.
 *
 * @param type the event type
 * @param version the version asked for
 * @param outcome what happened
 * @param report the compatibility check against the previous version
 * @param reason why the registration was refused; empty when it was not
 */
public record Registration(
    String type, int version, Outcome outcome, CompatibilityReport report, String reason) {
  /** What a registration did. */
  public enum Outcome {
    /** A new version was stored. */
    REGISTERED,
    /** The same schema was already registered under this version; nothing changed. */
    UNCHANGED,
    /** Nothing was stored; see {@link #reason()} and {@link #report()}. */
    REFUSED
  }

  public Registration {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(reason, "reason");
  }

  /** True unless refused. */
  public boolean isAccepted() {
    return outcome != Outcome.REFUSED;
  }
}
