package io.sluice.contracts.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sluice.contracts.RegisteredSchema;
import io.sluice.contracts.SchemaStoreException;
import io.sluice.contracts.StoreSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runtime registrations in one JDBC table. The DDL is versioned: {@code sluice_contracts_meta}
 * records the layout version, and {@link #MIGRATIONS} are applied in order on open.
 */
public final class SchemaStore implements AutoCloseable {
  private static final List<String> MIGRATIONS =
      List.of(
          "CREATE TABLE IF NOT EXISTS sluice_schemas (event_type VARCHAR(255) NOT NULL, version INTEGER NOT NULL,"
              + " schema_json VARCHAR(1048576) NOT NULL, registered_at TIMESTAMP NOT NULL,"
              + " PRIMARY KEY (event_type, version))");

  private static final String UNIQUE_VIOLATION = "23505";

  private final HikariDataSource pool;

  private SchemaStore(HikariDataSource pool) {
    this.pool = pool;
  }

  /** Connects, creates or upgrades the tables, and returns the store. */
  public static SchemaStore open(StoreSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(2);
    config.setPoolName("sluice-contracts");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new SchemaStoreException(
          "cannot connect to the schema store " + redact(settings.jdbcUrl()) + ": " + cause(e), e);
    }
    SchemaStore store = new SchemaStore(pool);
    try {
      store.migrateWithOneRetry();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return store;
  }

  /** Another replica may be creating the same tables; the statements are idempotent. */
  private void migrateWithOneRetry() {
    try {
      migrate();
    } catch (SchemaStoreException first) {
      migrate();
    }
  }

  private void migrate() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS sluice_contracts_meta (layout_version INTEGER NOT NULL)");
      int current = layoutVersion(s);
      for (int i = current; i < MIGRATIONS.size(); i++) {
        s.execute(MIGRATIONS.get(i));
      }
      if (current < MIGRATIONS.size()) {
        s.execute("DELETE FROM sluice_contracts_meta");
        s.execute("INSERT INTO sluice_contracts_meta VALUES (" + MIGRATIONS.size() + ")");
      }
    } catch (SQLException e) {
      throw new SchemaStoreException(
          "cannot prepare the schema store tables: " + e.getMessage(), e);
    }
  }

  private static int layoutVersion(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT MAX(layout_version) FROM sluice_contracts_meta")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Every stored schema, ordered by type and version. */
  public List<RegisteredSchema> loadAll() {
    String sql =
        "SELECT event_type, version, schema_json FROM sluice_schemas ORDER BY event_type, version";
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<RegisteredSchema> all = new ArrayList<>();
      while (rs.next()) {
        all.add(new RegisteredSchema(rs.getString(1), rs.getInt(2), rs.getString(3)));
      }
      return all;
    } catch (SQLException e) {
      throw new SchemaStoreException("cannot read registered schemas: " + e.getMessage(), e);
    }
  }

  /** Stores one schema; false when another writer already stored this (type, version). */
  public boolean insert(RegisteredSchema schema, Instant at) {
    String sql =
        "INSERT INTO sluice_schemas (event_type, version, schema_json, registered_at)"
            + " VALUES (?, ?, ?, ?)";
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema.type());
      ps.setInt(2, schema.version());
      ps.setString(3, schema.schemaJson());
      ps.setTimestamp(4, Timestamp.from(at));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw new SchemaStoreException(
          "cannot store " + schema.type() + " version " + schema.version() + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
