package io.sluice.audit;

import java.util.Locale;

/** Whether the decision let the call through. */
public enum AuditOutcome {
  ALLOWED,
  DENIED;

  /** The name stored and hashed: {@code allowed} or {@code denied}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AuditOutcome fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
