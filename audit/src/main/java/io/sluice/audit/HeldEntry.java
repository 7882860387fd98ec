package io.sluice.audit;

/**
 * A decision the log has accepted and keeps room for, waiting for its outcome: see {@link
 * AuditLog#hold}. Complete it exactly once.
 */
public interface HeldEntry {
  /**
   * Queues the outcome as the decision's one record; never refused, since room was kept for it. An
   * outcome without a time gets the decision's. Completing twice is an {@link
   * IllegalStateException}.
   */
  void complete(AuditEntry outcome);
}
