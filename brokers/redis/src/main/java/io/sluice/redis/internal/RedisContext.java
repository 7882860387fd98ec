package io.sluice.redis.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.RedisCodec;
import io.sluice.redis.RedisSettings;
import java.util.concurrent.ScheduledExecutorService;

/** What the parts of one Redis broker share. */
record RedisContext(
    RedisClient client,
    RedisCodec<String, byte[]> codec,
    RedisAsyncCommands<String, byte[]> commands,
    RedisSettings settings,
    StreamKeys keys,
    Replies replies,
    ScheduledExecutorService timer) {}
