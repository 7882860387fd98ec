package io.sluice.library.idempotency;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Remembers which events were processed, for a retention window, so that a redelivered or
 * republished event is handled once. Implementations are thread-safe.
 */
public interface ProcessedKeyStore {

  /** True when {@code key} was marked processed within the retention window. */
  boolean isProcessed(String key);

  /**
   * Marks {@code key} processed for the retention window; returns false when it already was (the
   * first marker wins).
   */
  boolean markProcessed(String key);

  /** In this process's memory: lost on restart, not shared between instances. */
  static ProcessedKeyStore inMemory(Duration retention) {
    return new InMemoryProcessedKeyStore(Retention.of(retention), Clock.systemUTC());
  }

  /** In memory, with the clock that decides expiry. */
  static ProcessedKeyStore inMemory(Duration retention, Clock clock) {
    return new InMemoryProcessedKeyStore(Retention.of(retention), clock);
  }

  /**
   * In a JDBC table ({@value JdbcProcessedKeyStore#DEFAULT_TABLE} by default) on PostgreSQL or H2,
   * created if missing.
   */
  static ProcessedKeyStore jdbc(DataSource dataSource, Duration retention) {
    return JdbcProcessedKeyStore.create(
        dataSource, JdbcProcessedKeyStore.DEFAULT_TABLE, Retention.of(retention));
  }

  /** In Redis, one key per event ({@code SET NX PX}) under {@code prefix}, expiring by itself. */
  static ProcessedKeyStore redis(
      StatefulRedisConnection<String, String> connection, String prefix, Duration retention) {
    return new RedisProcessedKeyStore(connection, prefix, Retention.of(retention));
  }
}
