/**
 * The Redis Streams adapter's implementation. {@link io.sluice.redis.internal.RedisBroker} owns the
 * connections; {@code StreamPublisher} adds entries (atomically de-duplicated by a Lua script),
 * {@code StreamSubscription} runs one reading thread per subscription over a {@code StreamSource}
 * ({@code PrivateStreams} or {@code GroupStreams}) and {@code Replies} carries request replies over
 * Pub/Sub.
 */
package io.sluice.redis.internal;
