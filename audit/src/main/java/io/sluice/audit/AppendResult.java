package io.sluice.audit;

/** What {@link AuditLog#append} did with an entry. */
public enum AppendResult {
  /** Queued in memory; the writer thread will store it shortly. */
  QUEUED,
  /** Written and fsynced to the local spool; it reaches the store when the store is back. */
  SPOOLED,
  /** Not taken: the store is unreachable (or the queue is full) and the log fails closed. */
  REFUSED;

  /** True unless refused: the caller may go ahead with the audited action. */
  public boolean accepted() {
    return this != REFUSED;
  }
}
