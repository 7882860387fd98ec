package io.sluice.audit;

/**
 * The last record a writer committed to its chain, kept in {@code audit_chain} in the same
 * transaction as the records, and the spool replay mark.
 *
 * @param spoolMark {@code <segment>#<count>}: how many entries of a spool segment are in the store
 */
record ChainHead(String chain, long seq, String hash, String spoolMark) {
  static ChainHead empty(String chain) {
    return new ChainHead(chain, 0, AuditHash.GENESIS, null);
  }

  ChainHead advancedTo(AuditRecord last, String mark) {
    return new ChainHead(chain, last.seq(), last.hash(), mark);
  }
}
