package io.sluice.library.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Keys in a table {@code (idem_key primary key, processed, expires_at)}. A claim deletes the key if
 * it has expired and inserts it unprocessed; a primary-key conflict means someone else holds or has
 * processed it. Every statement runs in its own auto-committed transaction. PostgreSQL and H2.
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
    store.update(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (idem_key VARCHAR(512) PRIMARY KEY,"
            + " processed BOOLEAN NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    return store;
  }

  @Override
  public Claim claim(String key, Duration lease) {
    Instant now = Instant.now();
    update("DELETE FROM " + table + " WHERE idem_key = ? AND expires_at <= ?", key, now);
    try {
      update(
          "INSERT INTO " + table + " (idem_key, processed, expires_at) VALUES (?, ?, ?)",
          key,
          false,
          now.plus(lease));
      return Claim.ACQUIRED;
    } catch (ProcessedKeyStoreException e) {
      if (!isConflict(e)) {
        throw e;
      }
      return isProcessed(key) ? Claim.ALREADY_PROCESSED : Claim.IN_PROGRESS;
    }
  }

  @Override
  public void complete(String key) {
    update(
        "UPDATE " + table + " SET processed = ?, expires_at = ? WHERE idem_key = ?",
        true,
        Instant.now().plus(retention.duration()),
        key);
  }

  @Override
  public void release(String key) {
    update("DELETE FROM " + table + " WHERE idem_key = ? AND processed = ?", key, false);
  }

  @Override
  public boolean isProcessed(String key) {
    String sql = "SELECT 1 FROM " + table + " WHERE idem_key = ? AND processed AND expires_at > ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, key, Instant.now());
        ResultSet rows = s.executeQuery()) {
      return rows.next();
    } catch (SQLException e) {
      throw new ProcessedKeyStoreException("cannot read table " + table, e);
    }
  }

  private void update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection()) {
      if (params.length == 0) {
        try (Statement s = c.createStatement()) {
          s.execute(sql);
        }
        return;
      }
      try (PreparedStatement s = prepare(c, sql, params)) {
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new ProcessedKeyStoreException("cannot update table " + table, e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      s.setObject(i + 1, p instanceof Instant t ? Timestamp.from(t) : p);
    }
    return s;
  }

  private static boolean isConflict(ProcessedKeyStoreException e) {
    return e.getCause() instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("23");
  }
}
