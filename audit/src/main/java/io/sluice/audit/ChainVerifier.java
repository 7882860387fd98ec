package io.sluice.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks chains in sequence order and reports the first broken link. Reads in one repeatable-read
 * transaction so a writer appending meanwhile does not look like tampering.
 */
final class ChainVerifier {
  private final Connection c;

  private ChainVerifier(Connection c) {
    this.c = c;
  }

  /** Verifies one chain, or every chain when {@code chain} is empty. */
  static VerifyReport verify(Connection c, Optional<String> chain) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      ChainVerifier verifier = new ChainVerifier(c);
      List<ChainReport> reports = new ArrayList<>();
      for (String name : chain.map(List::of).orElseGet(() -> chains(c))) {
        reports.add(verifier.verifyChain(name));
      }
      return new VerifyReport(reports);
    } finally {
      c.rollback();
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setAutoCommit(autoCommit);
    }
  }

  private static List<String> chains(Connection c) {
    try {
      return RecordTable.chains(c);
    } catch (SQLException e) {
      throw new AuditStoreException("cannot list audit chains: " + e.getMessage(), e);
    }
  }

  private ChainReport verifyChain(String chain) throws SQLException {
    Optional<ChainHead> head = RecordTable.findHead(c, chain);
    ChainWalk walk = new ChainWalk(chain, head, new Lookups());
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + RecordTable.COLUMNS + " FROM audit_record WHERE chain = ? ORDER BY seq")) {
      ps.setFetchSize(500);
      ps.setString(1, chain);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Optional<ChainBreak> broken = walk.accept(RecordTable.read(rs));
          if (broken.isPresent()) {
            return walk.report(broken);
          }
        }
      }
    }
    return walk.report(walk.finish());
  }

  /** Side look-ups the walk makes when a link is broken or a chain starts after a cut. */
  final class Lookups {
    Optional<String> cutHash(String chain, long seq) throws SQLException {
      return RecordTable.cutHash(c, chain, seq);
    }

    Optional<Long> seqOfHash(String chain, String hash) throws SQLException {
      return RecordTable.seqOfHash(c, chain, hash);
    }

    Optional<AuditRecord> at(String chain, long seq) throws SQLException {
      return RecordTable.at(c, chain, seq);
    }
  }
}
