package io.sluice.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends batches to one chain in the store, each batch in one transaction together with the
 * chain's head. Used only from the writer thread. After any failure the head is re-read before the
 * next write, so a writer never chains onto a head it has not seen committed.
 */
final class ChainWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ChainWriter.class);

  private final Store store;
  private final String chain;
  private final Counters counters;
  private final Consumer<AuditRecord> mirror;
  private final FailureLog storeFailures = new FailureLog(LOG);
  private final FailureLog mirrorFailures = new FailureLog(LOG);
  private volatile boolean reachable;
  private boolean migrated;
  private ChainHead head;
  private InDoubt attempt;
  private InDoubt inDoubt;

  /**
   * A batch whose commit failed without telling whether it happened: stored exactly when the head's
   * writer mark, read again, is the batch's last mark.
   */
  private record InDoubt(String lastMark, Set<String> marks) {
    static InDoubt of(List<SpoolItem> items) {
      Set<String> marks = new HashSet<>();
      items.forEach(i -> marks.add(i.mark()));
      return new InDoubt(items.get(items.size() - 1).mark(), marks);
    }
  }

  ChainWriter(Store store, String chain, Counters counters, Consumer<AuditRecord> mirror) {
    this.store = store;
    this.chain = chain;
    this.counters = counters;
    this.mirror = mirror;
  }

  boolean reachable() {
    return reachable;
  }

  /** Reaches the store, migrating it and reading the head; false when it is unreachable. */
  boolean connect() {
    try {
      store.withConnection(
          c -> {
            ready(c);
            return null;
          });
      return up();
    } catch (SQLException | RuntimeException e) {
      return down(e);
    }
  }

  /** The spool replay mark stored with the head (connect first). */
  Optional<String> spoolMark() {
    return Optional.ofNullable(head).map(ChainHead::spoolMark);
  }

  /**
   * Chains and stores the entries in one transaction; {@code mark} null keeps the stored spool
   * mark. Entries of an earlier batch whose commit was not acknowledged but happened (the head's
   * writer mark says so) are skipped, so a retried batch is never written twice.
   */
  boolean write(List<SpoolItem> items, String mark) {
    try {
      attempt = null;
      Written written = inTransaction(c -> insert(c, items, mark));
      inDoubt = null;
      counters.written.addAndGet(written.alreadyStored());
      committed(written.head(), written.records());
      return up();
    } catch (SQLException | RuntimeException e) {
      if (attempt != null) {
        inDoubt = attempt;
      }
      return down(e);
    }
  }

  /**
   * What a write committed; {@code alreadyStored} counts entries an unacknowledged commit stored.
   */
  private record Written(ChainHead head, List<AuditRecord> records, int alreadyStored) {}

  private Written insert(Connection c, List<SpoolItem> items, String mark) throws SQLException {
    String spoolMark = mark == null ? head.spoolMark() : mark;
    Set<String> stored =
        inDoubt != null && inDoubt.lastMark().equals(head.writerMark())
            ? inDoubt.marks()
            : Set.of();
    List<SpoolItem> fresh = items.stream().filter(i -> !stored.contains(i.mark())).toList();
    if (fresh.isEmpty()) {
      ChainHead next = head.withSpoolMark(spoolMark);
      moveHead(c, next);
      return new Written(next, List.of(), items.size());
    }
    attempt = InDoubt.of(fresh);
    List<AuditRecord> records = chained(fresh);
    RecordTable.insert(c, records);
    String writerMark = fresh.get(fresh.size() - 1).mark();
    ChainHead next = head.advancedTo(records.get(records.size() - 1), spoolMark, writerMark);
    moveHead(c, next);
    return new Written(next, records, items.size() - fresh.size());
  }

  /** Deletes records older than the cutoff and appends the retention record, atomically. */
  RetentionResult retain(Instant cutoff, Instant now) {
    try {
      RetentionResult result = inTransaction(c -> retainIn(c, cutoff, now));
      result.record().ifPresent(r -> committed(keepingMarks(r), List.of(r)));
      up();
      return result;
    } catch (SQLException e) {
      down(e);
      throw new AuditStoreException(
          "retention of audit chain '" + chain + "' failed: " + e.getMessage(), e);
    }
  }

  private <T> T inTransaction(Store.SqlWork<T> work) throws SQLException {
    return store.withConnection(
        c -> {
          ready(c);
          c.setAutoCommit(false);
          T result = work.apply(c);
          c.commit();
          c.setAutoCommit(true);
          return result;
        });
  }

  private RetentionResult retainIn(Connection c, Instant cutoff, Instant now) throws SQLException {
    Optional<AuditRecord> lastOld = RecordTable.lastBefore(c, chain, cutoff);
    if (lastOld.isEmpty()) {
      return RetentionResult.nothing();
    }
    AuditRecord last = lastOld.get();
    AuditEntry entry =
        AuditEntry.builder(AuditIdentity.system(), AuditAction.RETENTION, null)
            .allowed(0, "deleted seq .." + last.seq() + " older than " + cutoff)
            .time(now)
            .build();
    RetentionCut cut = new RetentionCut(last.seq(), last.hash());
    AuditRecord record = AuditRecord.chained(chain, head.seq() + 1, entry, cut, head.hash());
    RecordTable.insert(c, List.of(record));
    moveHead(c, keepingMarks(record));
    int deleted = RecordTable.deleteThrough(c, chain, last.seq());
    return new RetentionResult(deleted, Optional.of(record));
  }

  private ChainHead keepingMarks(AuditRecord last) {
    return head.advancedTo(last, head.spoolMark(), head.writerMark());
  }

  private void ready(Connection c) throws SQLException {
    if (!migrated) {
      Migrations.apply(c, store.postgres());
      migrated = true;
    }
    if (head == null) {
      c.setAutoCommit(true);
      head = RecordTable.loadHead(c, chain);
    }
  }

  private List<AuditRecord> chained(List<SpoolItem> items) {
    List<AuditRecord> records = new ArrayList<>(items.size());
    long seq = head.seq();
    String prev = head.hash();
    for (SpoolItem item : items) {
      AuditRecord r = AuditRecord.chained(chain, ++seq, item.entry(), null, prev);
      records.add(r);
      prev = r.hash();
    }
    return records;
  }

  private void moveHead(Connection c, ChainHead next) throws SQLException {
    if (!RecordTable.advanceHead(c, head, next)) {
      throw new SQLException(
          "the head of audit chain '"
              + chain
              + "' moved under this writer: another writer"
              + " appends to the same chain; give each replica its own audit.chain");
    }
  }

  private void committed(ChainHead next, List<AuditRecord> records) {
    head = next;
    counters.written.addAndGet(records.size());
    for (AuditRecord r : records) {
      try {
        mirror.accept(r);
        mirrorFailures.recovered("audit mirror works again");
      } catch (RuntimeException e) {
        mirrorFailures.failed("audit mirror failed for " + chain + "/" + r.seq(), e);
      }
    }
  }

  private boolean up() {
    reachable = true;
    storeFailures.recovered("audit store " + store.describe() + " is reachable again");
    return true;
  }

  private boolean down(Exception e) {
    head = null;
    reachable = false;
    storeFailures.failed("audit store " + store.describe() + " is unreachable", e);
    return false;
  }
}
