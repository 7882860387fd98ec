package io.sluice.contracts;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of comparing two schema versions under a mode.
 *
 * @param mode the mode checked
 * @param changes every breaking change found; empty when compatible
 */
public record CompatibilityReport(CompatibilityMode mode, List<BreakingChange> changes) {
  public CompatibilityReport {
    Objects.requireNonNull(mode, "mode");
    changes = List.copyOf(changes);
  }

  /** A report for a first version, which has nothing to be compatible with. */
  public static CompatibilityReport firstVersion(CompatibilityMode mode) {
    return new CompatibilityReport(mode, List.of());
  }

  /** True when no breaking change was found. */
  public boolean isCompatible() {
    return changes.isEmpty();
  }

  /** One line per change, for error messages and logs. */
  public String summary() {
    if (changes.isEmpty()) {
      return "compatible under " + mode.configName();
    }
    StringBuilder text = new StringBuilder();
    text.append(changes.size()).append(" breaking change(s) under ").append(mode.configName());
    changes.forEach(c -> text.append("\n  ").append(c));
    return text.toString();
  }
}
