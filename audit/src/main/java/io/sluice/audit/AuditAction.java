package io.sluice.audit;

import java.util.Locale;

/** What the audited decision was about. Each action has a stable wire name stored and hashed. */
public enum AuditAction {
  PUBLISH("publish"),
  BATCH_ITEM("batch-item"),
  SUBSCRIBE("subscribe"),
  REQUEST("request"),
  PROXY("proxy"),
  ADMIN("admin"),
  /** A retention cut written by the audit log itself; see {@link RetentionCut}. */
  RETENTION("retention");

  private final String wireName;

  AuditAction(String wireName) {
    this.wireName = wireName;
  }

  /** The name stored in the database and in the canonical encoding, e.g. {@code batch-item}. */
  public String wireName() {
    return wireName;
  }

  /** The action with this wire name (case-insensitive). */
  public static AuditAction fromWireName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (AuditAction a : values()) {
      if (a.wireName.equals(wanted)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown audit action '" + name + "'");
  }
}
