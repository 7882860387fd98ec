package io.sluice.audit;

import io.sluice.audit.ChainBreak.Kind;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/** The state of one chain's verification: what the next record must look like. */
final class ChainWalk {
  private static final int MOVE_WINDOW = 8;

  private final String chain;
  private final Optional<ChainHead> head;
  private final ChainVerifier.Lookups lookups;
  private long checked;
  private long firstSeq;
  private long expectedSeq;
  private String expectedPrev;
  private AuditRecord last;

  ChainWalk(String chain, Optional<ChainHead> head, ChainVerifier.Lookups lookups) {
    this.chain = chain;
    this.head = head;
    this.lookups = lookups;
  }

  Optional<ChainBreak> accept(AuditRecord r) throws SQLException {
    if (checked == 0) {
      Optional<ChainBreak> start = start(r);
      if (start.isPresent()) {
        return start;
      }
    }
    Optional<ChainBreak> broken = check(r);
    if (broken.isEmpty()) {
      checked++;
      expectedSeq = r.seq() + 1;
      expectedPrev = r.hash();
      last = r;
    }
    return broken;
  }

  private Optional<ChainBreak> start(AuditRecord first) throws SQLException {
    firstSeq = first.seq();
    expectedSeq = first.seq();
    if (first.seq() == 1) {
      expectedPrev = AuditHash.GENESIS;
      return Optional.empty();
    }
    Optional<String> cut = lookups.cutHash(chain, first.seq() - 1);
    if (cut.isEmpty()) {
      return fail(
          1,
          Kind.DELETED,
          "records 1.." + (first.seq() - 1) + " are missing and no retention record cut them");
    }
    expectedPrev = cut.get();
    return Optional.empty();
  }

  private Optional<ChainBreak> check(AuditRecord r) throws SQLException {
    if (head.isPresent() && r.seq() > head.get().seq()) {
      return fail(
          r.seq(),
          Kind.INSERTED,
          "record " + r.seq() + " is past the chain head " + head.get().seq() + " the writer kept");
    }
    if (r.seq() > expectedSeq) {
      return fail(
          expectedSeq,
          Kind.DELETED,
          "records " + expectedSeq + ".." + (r.seq() - 1) + " are missing");
    }
    if (!r.hashMatches()) {
      return explainBadHash(r);
    }
    if (!r.prevHash().equals(expectedPrev)) {
      return explainBadLink(r);
    }
    return Optional.empty();
  }

  private Optional<ChainBreak> explainBadHash(AuditRecord r) throws SQLException {
    OptionalLong writtenAt = writtenAt(r);
    if (writtenAt.isEmpty()) {
      return fail(r.seq(), Kind.CHANGED, "its fields no longer match its hash");
    }
    long was = writtenAt.getAsLong();
    if (was == r.seq() - 1) {
      return fail(
          was,
          Kind.INSERTED,
          "a record was inserted at seq " + was + " and the records after it shifted by one");
    }
    if (was == r.seq() + 1 && !swappedWithNext(r)) {
      return fail(
          r.seq(),
          Kind.DELETED,
          "record " + r.seq() + " was deleted and the records after it shifted back by one");
    }
    return fail(
        r.seq(),
        Kind.REORDERED,
        "the record at seq " + r.seq() + " is intact but was written at seq " + was);
  }

  private boolean swappedWithNext(AuditRecord r) throws SQLException {
    Optional<AuditRecord> next = lookups.at(chain, r.seq() + 1);
    return next.isPresent() && hashAt(next.get(), r.seq()).equals(next.get().hash());
  }

  /** The position this record's stored hash was computed for, if near or linked. */
  private OptionalLong writtenAt(AuditRecord r) throws SQLException {
    Optional<Long> linked =
        r.prevHash().equals(AuditHash.GENESIS)
            ? Optional.of(0L)
            : lookups.seqOfHash(chain, r.prevHash());
    if (linked.isPresent() && hashAt(r, linked.get() + 1).equals(r.hash())) {
      return OptionalLong.of(linked.get() + 1);
    }
    for (long s = Math.max(1, r.seq() - MOVE_WINDOW); s <= r.seq() + MOVE_WINDOW; s++) {
      if (s != r.seq() && hashAt(r, s).equals(r.hash())) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  private static String hashAt(AuditRecord r, long seq) {
    return AuditHash.hash(r.chain(), seq, r.entry(), r.cut(), r.prevHash());
  }

  private Optional<ChainBreak> explainBadLink(AuditRecord r) throws SQLException {
    Optional<Long> linked = lookups.seqOfHash(chain, r.prevHash());
    if (linked.isPresent()) {
      return fail(
          r.seq(),
          Kind.REORDERED,
          "record "
              + r.seq()
              + " links to record "
              + linked.get()
              + " instead of "
              + (r.seq() - 1));
    }
    return fail(
        r.seq(),
        Kind.INSERTED,
        "record "
            + r.seq()
            + " does not link to record "
            + (r.seq() - 1)
            + ": this chain's writer did not write it");
  }

  /** Checks the end of the chain against the head the writer recorded. */
  Optional<ChainBreak> finish() {
    if (head.isEmpty()) {
      return checked == 0
          ? Optional.empty()
          : fail(last.seq() + 1, Kind.DELETED, "the chain's head row in audit_chain is missing");
    }
    ChainHead h = head.get();
    long lastSeq = last == null ? 0 : last.seq();
    if (lastSeq < h.seq()) {
      return fail(
          lastSeq + 1,
          Kind.DELETED,
          "records "
              + (lastSeq + 1)
              + ".."
              + h.seq()
              + " are missing (the head is "
              + h.seq()
              + ")");
    }
    if (last != null && !last.hash().equals(h.hash())) {
      return fail(lastSeq, Kind.CHANGED, "the last record differs from the head the writer kept");
    }
    return Optional.empty();
  }

  ChainReport report(Optional<ChainBreak> broken) {
    long lastSeq = last == null ? 0 : last.seq();
    return new ChainReport(chain, checked, checked == 0 ? 0 : firstSeq, lastSeq, broken);
  }

  private Optional<ChainBreak> fail(long seq, Kind kind, String detail) {
    return Optional.of(new ChainBreak(chain, seq, kind, detail));
  }
}
