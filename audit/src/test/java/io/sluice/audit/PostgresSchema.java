package io.sluice.audit;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A uniquely named schema on the real PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}, trust auth), created for one test class and dropped after it.
 */
final class PostgresSchema {
  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String USER = "postgres";

  private final String name =
      "audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  PostgresSchema create() {
    admin("CREATE SCHEMA " + name);
    return this;
  }

  void drop() {
    admin("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  String url() {
    return SERVER + "?currentSchema=" + name;
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER, USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      fail(
          "PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test', user 'postgres', trust"
              + " auth): "
              + e.getMessage()
              + ". Start it (Debian: 'pg_ctlcluster 15 main start', then 'createdb -U postgres"
              + " test') or run bin/test, which starts it.",
          e);
    }
  }
}
