package io.sluice.library.outbox;

import io.sluice.subject.Subject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's SQL. {@code FOR UPDATE SKIP LOCKED} is the same on PostgreSQL (9.5+) and H2 (2.x):
 * rows another open transaction has claimed are skipped, not waited for.
 */
final class OutboxQueries {
  private final OutboxTable table;

  OutboxQueries(OutboxTable table) {
    this.table = table;
  }

  List<OutboxRow> claimUnsent(Connection c, int limit) throws SQLException {
    String sql =
        "SELECT seq, subject, event_json FROM "
            + table.name()
            + " WHERE sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED";
    List<OutboxRow> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setInt(1, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new OutboxRow(
                  r.getLong(1), Subject.of(r.getString(2)), EventRows.fromJson(r.getString(3))));
        }
      }
    }
    return rows;
  }

  void markSent(Connection c, List<OutboxRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String sql = "UPDATE " + table.name() + " SET sent_at = ? WHERE seq = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      Timestamp now = Timestamp.from(Instant.now());
      for (OutboxRow row : rows) {
        s.setTimestamp(1, now);
        s.setLong(2, row.seq());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  int countUnsent(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM " + table.name() + " WHERE sent_at IS NULL");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getInt(1);
    }
  }
}
