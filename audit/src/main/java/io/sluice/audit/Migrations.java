package io.sluice.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Versioned schema migrations: {@code io/sluice/audit/db/V1.sql}, {@code V2.sql}, ... on the
 * classpath, applied in order at start, each recorded in {@code schema_version}. On PostgreSQL the
 * table is locked while migrating so replicas starting together apply each version once.
 */
final class Migrations {
  private static final String LOCATION = "/io/sluice/audit/db/V%d.sql";

  private Migrations() {}

  /** Applies every migration newer than the store's version; returns the version now in place. */
  static int apply(Connection c, boolean postgres) throws SQLException {
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
              + " description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
    }
    c.setAutoCommit(false);
    try {
      if (postgres) {
        try (Statement s = c.createStatement()) {
          s.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
        }
      }
      int version = applyNewer(c, currentVersion(c));
      c.commit();
      return version;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static int applyNewer(Connection c, int current) throws SQLException {
    int version = current;
    String script;
    while ((script = load(version + 1)) != null) {
      version++;
      run(c, script);
      record(c, version, script.lines().findFirst().orElse("").replaceFirst("^--\\s*", ""));
    }
    return version;
  }

  /** The newest version the migrations on the classpath bring a store to. */
  static int latestVersion() {
    int version = 0;
    while (Migrations.class.getResource(LOCATION.formatted(version + 1)) != null) {
      version++;
    }
    return version;
  }

  static int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void run(Connection c, String script) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : script.split(";\\s*(\\R|$)")) {
        String body =
            sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        if (!body.isBlank()) {
          s.execute(body.strip());
        }
      }
    }
  }

  private static void record(Connection c, int version, String description) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
      ps.setInt(1, version);
      ps.setString(2, description.length() > 200 ? description.substring(0, 200) : description);
      ps.setString(3, Instant.now().toString());
      ps.executeUpdate();
    }
  }

  private static String load(int version) {
    try (InputStream in = Migrations.class.getResourceAsStream(LOCATION.formatted(version))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration V" + version + ".sql", e);
    }
  }
}
