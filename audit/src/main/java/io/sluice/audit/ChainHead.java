package io.sluice.audit;

/**
 * The last record a writer committed to its chain, kept in {@code audit_chain} in the same
 * transaction as the records, with two marks that make writes exactly-once when a commit's
 * acknowledgement is lost.
 *
 * @param spoolMark {@code <segment>#<count>}: how many entries of a spool segment are in the store
 * @param writerMark {@code <run>#<ticket>}: the last accepted entry that is in the store
 */
record ChainHead(String chain, long seq, String hash, String spoolMark, String writerMark) {
  static ChainHead empty(String chain) {
    return new ChainHead(chain, 0, AuditHash.GENESIS, null, null);
  }

  ChainHead advancedTo(AuditRecord last, String spoolMark, String writerMark) {
    return new ChainHead(chain, last.seq(), last.hash(), spoolMark, writerMark);
  }

  ChainHead withSpoolMark(String spoolMark) {
    return new ChainHead(chain, seq, hash, spoolMark, writerMark);
  }
}
