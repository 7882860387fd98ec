package io.sluice.library.idempotency;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Objects;

/** One Redis key per processed event, written with {@code SET key 1 NX PX retention}. */
final class RedisProcessedKeyStore implements ProcessedKeyStore {
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
  public boolean isProcessed(String key) {
    return connection.sync().exists(prefix + key) > 0;
  }

  @Override
  public boolean markProcessed(String key) {
    SetArgs args = SetArgs.Builder.nx().px(retention.duration().toMillis());
    return "OK".equals(connection.sync().set(prefix + key, "1", args));
  }
}
