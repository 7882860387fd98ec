package io.sluice.audit;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The audit store contract on the real PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}, trust auth), in a schema of its own that is dropped afterwards.
 */
class PostgresAuditStoreTest extends AuditStoreContract {
  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA =
      "audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @BeforeAll
  static void createSchema() {
    admin("CREATE SCHEMA " + SCHEMA);
  }

  @AfterAll
  static void dropSchema() {
    admin("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER, "postgres", "");
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

  @Override
  protected String jdbcUrl() {
    return SERVER + "?currentSchema=" + SCHEMA;
  }

  @Override
  protected String username() {
    return "postgres";
  }
}
