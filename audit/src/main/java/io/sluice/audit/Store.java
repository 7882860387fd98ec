package io.sluice.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** The JDBC store behind a log: a small HikariCP pool on H2 or PostgreSQL. */
final class Store implements AutoCloseable {
  /**
   * How long a connection to an embedded store (H2 file or memory) may take instead of {@code
   * connectTimeout}. Nothing is reached over a network there: the first connection in a process
   * loads H2 and opens or creates the file, which takes seconds on a busy machine, and timing it
   * out would start the log refusing a store that works. An open that fails (a file another process
   * holds) fails at once; this only bounds one that hangs.
   */
  static final Duration EMBEDDED_OPEN_TIMEOUT = Duration.ofSeconds(30);

  private final HikariDataSource pool;
  private final StoreConfig config;

  private Store(HikariDataSource pool, StoreConfig config) {
    this.pool = pool;
    this.config = config;
  }

  /** Creates the pool without connecting: an unreachable store is not an error here. */
  static Store open(StoreConfig config, Duration connectTimeout, String chain) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.url());
    hc.setUsername(config.username());
    hc.setPassword(config.password());
    hc.setPoolName("sluice-audit-" + chain);
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(0);
    hc.setInitializationFailTimeout(-1);
    hc.setConnectionTimeout(
        config.isEmbedded() ? EMBEDDED_OPEN_TIMEOUT.toMillis() : connectTimeout.toMillis());
    hc.setValidationTimeout(connectTimeout.toMillis() / 2);
    return new Store(new HikariDataSource(hc), config);
  }

  /** Work done with one pooled connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * Runs work on a pooled connection. When it fails the connection is evicted rather than returned
   * (its transaction dies with it): a store that went away leaves no dead connections behind.
   */
  <T> T withConnection(SqlWork<T> work) throws SQLException {
    Connection c = pool.getConnection();
    try {
      T result = work.apply(c);
      c.close();
      return result;
    } catch (SQLException | RuntimeException e) {
      pool.evictConnection(c);
      throw e;
    }
  }

  boolean postgres() {
    return config.isPostgres();
  }

  /** The store's URL with credentials removed, for messages. */
  String describe() {
    return StoreConfig.redact(config.url());
  }

  @Override
  public void close() {
    pool.close();
  }
}
