package io.sluice.library.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Processed keys in a table {@code (idem_key primary key, expires_at)}. Marking inserts the key,
 * first deleting it if it has expired; a primary-key conflict means another consumer marked it
 * first. Works on PostgreSQL and H2.
 */
final class JdbcProcessedKeyStore implements ProcessedKeyStore {
  static final String DEFAULT_TABLE = "sluice_processed_keys";

  private final DataSource dataSource;
  private final String table;
  private final Retention retention;

  private JdbcProcessedKeyStore(DataSource dataSource, String table, Retention retention) {
    this.dataSource = dataSource;
    this.table = table;
    this.retention = retention;
  }

  static JdbcProcessedKeyStore create(DataSource dataSource, String table, Retention retention) {
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "table must be a plain SQL identifier but was '" + table + "'");
    }
    JdbcProcessedKeyStore store = new JdbcProcessedKeyStore(dataSource, table, retention);
    store.migrate();
    return store;
  }

  /** The DDL, idempotent: safe to run at every start. */
  String ddl() {
    return "CREATE TABLE IF NOT EXISTS "
        + table
        + " (idem_key VARCHAR(512) PRIMARY KEY,"
        + " expires_at TIMESTAMP WITH TIME ZONE NOT NULL)";
  }

  private void migrate() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(ddl());
    } catch (SQLException e) {
      throw new ProcessedKeyStoreException("cannot create table " + table, e);
    }
  }

  @Override
  public boolean isProcessed(String key) {
    String sql = "SELECT 1 FROM " + table + " WHERE idem_key = ? AND expires_at > ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      s.setTimestamp(2, Timestamp.from(Instant.now()));
      try (var rows = s.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new ProcessedKeyStoreException("cannot read table " + table, e);
    }
  }

  @Override
  public boolean markProcessed(String key) {
    Instant now = Instant.now();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      deleteExpired(c, key, now);
      return insert(c, key, now.plus(retention.duration()));
    } catch (SQLException e) {
      throw new ProcessedKeyStoreException("cannot write table " + table, e);
    }
  }

  private void deleteExpired(Connection c, String key, Instant now) throws SQLException {
    String sql = "DELETE FROM " + table + " WHERE idem_key = ? AND expires_at <= ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      s.setTimestamp(2, Timestamp.from(now));
      s.executeUpdate();
    }
  }

  private boolean insert(Connection c, String key, Instant expiry) throws SQLException {
    String sql = "INSERT INTO " + table + " (idem_key, expires_at) VALUES (?, ?)";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      s.setTimestamp(2, Timestamp.from(expiry));
      s.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        return false;
      }
      throw e;
    }
  }

  /** Deletes every expired key; returns how many. Call it now and then to keep the table small. */
  int purgeExpired() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM " + table + " WHERE expires_at <= ?")) {
      s.setTimestamp(1, Timestamp.from(Instant.now()));
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new ProcessedKeyStoreException("cannot purge table " + table, e);
    }
  }
}
