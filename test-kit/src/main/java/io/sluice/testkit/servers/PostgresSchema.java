package io.sluice.testkit.servers;

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
 * A uniquely named schema on the shared PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}, trust auth), created before a test class and dropped, with everything in it,
 * after it. Register it as a static field with {@code @RegisterExtension}. Fails with how to start
 * the server when it is not reachable.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String USER = "postgres";

  private String name;
  private HikariDataSource dataSource;
  private int depth;

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    if (depth++ == 0) {
      name = uniqueName(context.getRequiredTestClass());
      admin("CREATE SCHEMA " + name);
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) throws SQLException {
    if (--depth > 0 || name == null) {
      return;
    }
    if (dataSource != null) {
      dataSource.close();
      dataSource = null;
    }
    admin("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  /** A JDBC URL whose connections work in this schema; log in as {@link #user()}. */
  public String url() {
    return SERVER + "?currentSchema=" + name;
  }

  public String user() {
    return USER;
  }

  /** {@link #url()} with the user in it, for another process. */
  public String urlWithUser() {
    return url() + "&user=" + USER;
  }

  /** A pool of up to eight connections in this schema, closed after the test class. */
  public synchronized DataSource dataSource() {
    if (dataSource == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url());
      config.setUsername(USER);
      config.setMaximumPoolSize(8);
      dataSource = new HikariDataSource(config);
    }
    return dataSource;
  }

  /** Runs statements in this schema. */
  public void run(String... statements) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static String uniqueName(Class<?> testClass) {
    String owner = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return owner.substring(0, Math.min(owner.length(), 40)) + "_" + suffix;
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Connection connect() {
    try {
      return DriverManager.getConnection(SERVER, USER, "");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test', user 'postgres', trust"
              + " auth): "
              + e.getMessage()
              + ". Start it (Debian: apt-get install postgresql; pg_ctlcluster <version> main"
              + " start), allow trust auth for 127.0.0.1 in pg_hba.conf and run 'createdb -h"
              + " 127.0.0.1 -U postgres test'; or run bin/test, which starts it.",
          e);
    }
  }
}
