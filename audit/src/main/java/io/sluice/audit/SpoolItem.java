package io.sluice.audit;

/**
 * An accepted entry, the log instance ({@code run}) that accepted it and its ticket there: the
 * order in which {@code append} accepted it.
 */
record SpoolItem(String run, long ticket, AuditEntry entry) {
  /** The writer mark stored with the head once this item is in the store. */
  String mark() {
    return run + "#" + ticket;
  }
}
