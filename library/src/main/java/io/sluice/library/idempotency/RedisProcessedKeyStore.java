package io.sluice.library.idempotency;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Objects;

/**
 * One Redis key per event: a claim is {@code SET key claimed NX PX lease}; completing overwrites it
 * with {@code processed} for the retention window; Redis expires both by itself.
 */
final class RedisProcessedKeyStore implements ProcessedKeyStore {
  private static final String CLAIMED = "claimed";
  private static final String PROCESSED = "processed";

  private final StatefulRedisConnection<String, String> connection;
  private final String prefix;
  private final Retention retention;

  RedisProcessedKeyStore(
      StatefulRedisConnection<String, String> connection, String prefix, Retention retention) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.retention = retention;
  }

  @Override
  public Claim claim(String key, Duration lease) {
    String set = connection.sync().set(prefix + key, CLAIMED, SetArgs.Builder.nx().px(lease));
    if ("OK".equals(set)) {
      return Claim.ACQUIRED;
    }
    return PROCESSED.equals(connection.sync().get(prefix + key))
        ? Claim.ALREADY_PROCESSED
        : Claim.IN_PROGRESS;
  }

  @Override
  public void complete(String key) {
    connection.sync().set(prefix + key, PROCESSED, SetArgs.Builder.px(retention.duration()));
  }

  @Override
  public void release(String key) {
    connection.sync().del(prefix + key);
  }

  @Override
  public boolean isProcessed(String key) {
    return PROCESSED.equals(connection.sync().get(prefix + key));
  }
}
