package io.sluice.audit;

/** What the log does when the store is unreachable or the in-memory queue is full. */
public enum OnStoreFailure {
  /** Fail closed: {@code append} returns {@link AppendResult#REFUSED}. */
  REFUSE,
  /** Write entries to an fsynced local spool file and replay them, in order, when it returns. */
  SPOOL
}
