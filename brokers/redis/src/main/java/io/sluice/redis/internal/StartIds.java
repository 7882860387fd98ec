package io.sluice.redis.internal;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.sluice.broker.StartPosition;
import java.util.List;

/**
 * The entry id a subscription reads after, per stream. New-only subscriptions start after a
 * stream's last entry when the stream existed at subscribe time, and at its beginning when it
 * appeared later (everything in it is newer than the subscription).
 */
final class StartIds {
  static final String BEGINNING = "0-0";

  private StartIds() {}

  static String after(
      StartPosition start, String key, boolean existed, RedisCommands<String, byte[]> redis) {
    return switch (start) {
      case StartPosition.NewOnly n -> existed ? lastId(key, redis) : BEGINNING;
      case StartPosition.All a -> BEGINNING;
      case StartPosition.AtSequence s -> StreamKeys.before(s.sequence());
      case StartPosition.AtTime t -> StreamKeys.beforeTime(t.time().toEpochMilli());
    };
  }

  private static String lastId(String key, RedisCommands<String, byte[]> redis) {
    List<StreamMessage<String, byte[]>> last =
        redis.xrevrange(key, Range.create("-", "+"), Limit.from(1));
    return last.isEmpty() ? BEGINNING : last.get(0).getId();
  }
}
