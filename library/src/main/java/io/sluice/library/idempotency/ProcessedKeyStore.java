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

  /** What {@link #claim} found. */
  enum Claim {
    /** The caller now holds the key and should handle the event, then complete or release. */
    ACQUIRED,
    /** Another consumer holds an unexpired claim: try again later. */
    IN_PROGRESS,
    /** The event was processed within the retention window: skip it. */
    ALREADY_PROCESSED
  }

  /**
   * Atomically claims {@code key} for {@code lease}, unless it is processed or claimed by someone
   * else. A claim not completed or released within the lease expires, so a crashed consumer does
   * not block the key for ever.
   */
  Claim claim(String key, Duration lease);

  /** Marks a claimed key processed; it is then remembered for the retention window. */
  void complete(String key);

  /** Gives a claimed key up after a failure, so a retry can claim it again. */
  void release(String key);

  /** True when {@code key} was completed within the retention window. */
  boolean isProcessed(String key);

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
