package io.sluice.library.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh schema on the PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres},
 * trust auth) for one test class, dropped afterwards. Fails loudly when the server is not there.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String USER = "postgres";

  private String schema;
  private HikariDataSource dataSource;

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    String owner = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
    schema = owner + "_" + UUID.randomUUID().toString().substring(0, 8);
    execute("CREATE SCHEMA " + schema);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL + "?currentSchema=" + schema);
    config.setUsername(USER);
    config.setMaximumPoolSize(8);
    dataSource = new HikariDataSource(config);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (dataSource != null) {
      dataSource.close();
    }
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** A JDBC URL that opens connections in this schema, for another process. */
  public String jdbcUrl() {
    return URL + "?currentSchema=" + schema + "&user=" + USER;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs statements in this schema. */
  public void run(String... statements) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Connection connect() {
    try {
      return DriverManager.getConnection(URL, USER, null);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test', user 'postgres', trust"
              + " auth). Install and start it (apt-get install postgresql; service postgresql"
              + " start), allow trust auth for 127.0.0.1 in pg_hba.conf and run"
              + " 'createdb -h 127.0.0.1 -U postgres test'. Cause: "
              + e.getMessage(),
          e);
    }
  }
}
