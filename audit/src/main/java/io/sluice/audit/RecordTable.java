package io.sluice.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the {@code audit_record} and {@code audit_chain} tables. */
final class RecordTable {
  static final String COLUMNS =
      "chain, seq, time_us, identity_type, identity_id, identity_issuer, api_key_id,"
          + " certificate_subject, action, subject, event_id, idempotency_key, outcome, status,"
          + " receipt, error, rule, policy_version, remote_address, correlation_id, trace_id,"
          + " cut_seq, cut_hash, prev_hash, hash";
  private static final String INSERT =
      "INSERT INTO audit_record (" + COLUMNS + ") VALUES (" + "?,".repeat(24) + "?)";

  private RecordTable() {}

  /** The chain's head, creating it (empty) when the chain is new. */
  static ChainHead loadHead(Connection c, String chain) throws SQLException {
    Optional<ChainHead> head = findHead(c, chain);
    if (head.isPresent()) {
      return head.get();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_chain (chain, head_seq, head_hash) VALUES (?, 0, ?)")) {
      ps.setString(1, chain);
      ps.setString(2, AuditHash.GENESIS);
      ps.executeUpdate();
    }
    return ChainHead.empty(chain);
  }

  static Optional<ChainHead> findHead(Connection c, String chain) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT head_seq, head_hash, spool_mark, writer_mark FROM audit_chain WHERE chain = ?")) {
      ps.setString(1, chain);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(head(chain, rs)) : Optional.empty();
      }
    }
  }

  private static ChainHead head(String chain, ResultSet rs) throws SQLException {
    return new ChainHead(chain, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }

  /**
   * Moves the head from {@code from} to {@code to}; false when the stored head was not {@code
   * from}, meaning another writer appended to the same chain.
   */
  static boolean advanceHead(Connection c, ChainHead from, ChainHead to) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE audit_chain SET head_seq = ?, head_hash = ?, spool_mark = ?, writer_mark = ?"
                + " WHERE chain = ? AND head_seq = ? AND head_hash = ?")) {
      ps.setLong(1, to.seq());
      ps.setString(2, to.hash());
      ps.setString(3, to.spoolMark());
      ps.setString(4, to.writerMark());
      ps.setString(5, from.chain());
      ps.setLong(6, from.seq());
      ps.setString(7, from.hash());
      return ps.executeUpdate() == 1;
    }
  }

  static void insert(Connection c, List<AuditRecord> records) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (AuditRecord r : records) {
        bind(ps, r);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void bind(PreparedStatement ps, AuditRecord r) throws SQLException {
    AuditEntry e = r.entry();
    ps.setString(1, r.chain());
    ps.setLong(2, r.seq());
    ps.setLong(3, toMicros(e.time()));
    ps.setString(4, e.identity().type());
    ps.setString(5, e.identity().id());
    ps.setString(6, e.identity().issuer());
    ps.setString(7, e.identity().apiKeyId());
    ps.setString(8, e.identity().certificateSubject());
    ps.setString(9, e.action().wireName());
    ps.setString(10, e.subject());
    ps.setString(11, e.eventId());
    ps.setString(12, e.idempotencyKey());
    ps.setString(13, e.outcome().wireName());
    ps.setInt(14, e.status());
    ps.setString(15, e.receipt());
    ps.setString(16, e.error());
    ps.setString(17, e.rule());
    ps.setString(18, e.policyVersion());
    ps.setString(19, e.remoteAddress());
    ps.setString(20, e.correlationId());
    ps.setString(21, e.traceId());
    if (r.cut() == null) {
      ps.setNull(22, Types.BIGINT);
    } else {
      ps.setLong(22, r.cut().lastDeletedSeq());
    }
    ps.setString(23, r.cut() == null ? null : r.cut().lastDeletedHash());
    ps.setString(24, r.prevHash());
    ps.setString(25, r.hash());
  }

  /** Reads the record at the current row of a result set selected with {@link #COLUMNS}. */
  static AuditRecord read(ResultSet rs) throws SQLException {
    AuditIdentity identity =
        new AuditIdentity(
            rs.getString("identity_type"),
            rs.getString("identity_id"),
            rs.getString("identity_issuer"),
            rs.getString("api_key_id"),
            rs.getString("certificate_subject"));
    AuditEntry entry =
        new AuditEntry(
            fromMicros(rs.getLong("time_us")),
            identity,
            AuditAction.fromWireName(rs.getString("action")),
            rs.getString("subject"),
            rs.getString("event_id"),
            rs.getString("idempotency_key"),
            AuditOutcome.fromWireName(rs.getString("outcome")),
            rs.getInt("status"),
            rs.getString("receipt"),
            rs.getString("error"),
            rs.getString("rule"),
            rs.getString("policy_version"),
            rs.getString("remote_address"),
            rs.getString("correlation_id"),
            rs.getString("trace_id"));
    long cutSeq = rs.getLong("cut_seq");
    RetentionCut cut = rs.wasNull() ? null : new RetentionCut(cutSeq, rs.getString("cut_hash"));
    return new AuditRecord(
        rs.getString("chain"),
        rs.getLong("seq"),
        entry,
        cut,
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  /** The record at a position, if there is one. */
  static Optional<AuditRecord> at(Connection c, String chain, long seq) throws SQLException {
    return first(c, "WHERE chain = ? AND seq = ?", chain, seq);
  }

  /** The newest record of the chain older than {@code cutoff}. */
  static Optional<AuditRecord> lastBefore(Connection c, String chain, Instant cutoff)
      throws SQLException {
    return first(c, "WHERE chain = ? AND time_us < ? ORDER BY seq DESC", chain, toMicros(cutoff));
  }

  /** The position of the record with this hash in the chain, if any. */
  static Optional<Long> seqOfHash(Connection c, String chain, String hash) throws SQLException {
    return first(c, "WHERE chain = ? AND hash = ?", chain, hash).map(AuditRecord::seq);
  }

  /** The hash a retention record says the record at {@code seq} had before it was deleted. */
  static Optional<String> cutHash(Connection c, String chain, long seq) throws SQLException {
    return first(c, "WHERE chain = ? AND cut_seq = ? ORDER BY seq DESC", chain, seq)
        .map(r -> r.cut().lastDeletedHash());
  }

  static int deleteThrough(Connection c, String chain, long seq) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM audit_record WHERE chain = ? AND seq <= ?")) {
      ps.setString(1, chain);
      ps.setLong(2, seq);
      return ps.executeUpdate();
    }
  }

  /** Every chain that has a head or records, in name order. */
  static List<String> chains(Connection c) throws SQLException {
    List<String> chains = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT chain FROM audit_chain UNION SELECT DISTINCT chain FROM audit_record"
                    + " ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        chains.add(rs.getString(1));
      }
    }
    return chains;
  }

  private static Optional<AuditRecord> first(Connection c, String where, Object... args)
      throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM audit_record " + where + " FETCH FIRST 1 ROWS ONLY";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  static long toMicros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }
}
