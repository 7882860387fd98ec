package io.sluice.redis.internal;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.sluice.broker.AckMode;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.PublishRejectedException;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.redis.RedisSettings;
import io.sluice.subject.Subject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * XADD of events. With an {@code idempotencykey}, a Lua script checks the key's dedup entry and
 * adds the event in one atomic step, then remembers the entry id with {@code SET PX} for the dedup
 * window: the window survives restarts and holds across every process using the same Redis. A
 * durable publish optionally waits for replicas with {@code WAIT}.
 */
final class StreamPublisher {
  private static final String ADD_ONCE =
      """
      local seen = redis.call('GET', KEYS[2])
      if seen then return {1, seen} end
      local args = {KEYS[1]}
      if ARGV[1] ~= '0' then
        table.insert(args, 'MAXLEN'); table.insert(args, '~'); table.insert(args, ARGV[1])
      end
      table.insert(args, '*')
      for i = 3, #ARGV do table.insert(args, ARGV[i]) end
      local id = redis.call('XADD', unpack(args))
      redis.call('SET', KEYS[2], id, 'PX', ARGV[2])
      return {0, id}
      """;

  private final RedisAsyncCommands<String, byte[]> redis;
  private final RedisSettings settings;
  private final StreamKeys keys;

  StreamPublisher(
      RedisAsyncCommands<String, byte[]> redis, RedisSettings settings, StreamKeys keys) {
    this.redis = redis;
    this.settings = settings;
    this.keys = keys;
  }

  CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, AckMode mode, Map<String, byte[]> extraFields) {
    Map<String, byte[]> fields = StreamEventCodec.fields(event);
    fields.putAll(extraFields);
    String key = keys.key(subject);
    Optional<String> idempotencyKey = event.extensionAsString(Extensions.IDEMPOTENCY_KEY);
    CompletionStage<Added> added =
        idempotencyKey.isPresent()
            ? addOnce(key, dedupKey(subject, idempotencyKey.get()), fields)
            : add(key, fields);
    return added
        .thenCompose(a -> mode == AckMode.DURABLE ? replicated(subject, a) : done(a))
        .thenApply(a -> receipt(subject, event, mode, key, a))
        .exceptionally(
            e -> {
              throw failure(subject, e);
            });
  }

  private CompletionStage<Added> add(String key, Map<String, byte[]> fields) {
    XAddArgs args =
        settings.maxLen() > 0 ? XAddArgs.Builder.maxlen(settings.maxLen()) : new XAddArgs();
    if (settings.maxLen() > 0) {
      args.approximateTrimming();
    }
    return redis.xadd(key, args, fields).thenApply(id -> new Added(id, false));
  }

  private CompletionStage<Added> addOnce(String key, String dedupKey, Map<String, byte[]> fields) {
    List<byte[]> argv = new ArrayList<>();
    argv.add(bytes(Long.toString(settings.maxLen())));
    argv.add(bytes(Long.toString(settings.dedupWindow().toMillis())));
    fields.forEach(
        (name, value) -> {
          argv.add(bytes(name));
          argv.add(value);
        });
    CompletionStage<List<Object>> result =
        redis.eval(
            ADD_ONCE,
            ScriptOutputType.MULTI,
            new String[] {key, dedupKey},
            argv.toArray(byte[][]::new));
    return result.thenApply(
        r ->
            new Added(
                new String((byte[]) r.get(1), StandardCharsets.UTF_8), ((Long) r.get(0)) == 1L));
  }

  private CompletionStage<Added> replicated(Subject subject, Added added) {
    if (settings.waitReplicas() == 0) {
      return done(added);
    }
    return redis
        .waitForReplication(settings.waitReplicas(), settings.waitTimeout().toMillis())
        .thenApply(
            acked -> {
              if (acked < settings.waitReplicas()) {
                throw new BrokerUnavailableException(
                    "event on '"
                        + subject
                        + "' reached "
                        + acked
                        + " of "
                        + settings.waitReplicas()
                        + " replicas within "
                        + settings.waitTimeout());
              }
              return added;
            });
  }

  private String dedupKey(Subject subject, String idempotencyKey) {
    return settings.dedupPrefix() + subject.value() + ":" + idempotencyKey;
  }

  private static PublishReceipt receipt(
      Subject subject, CloudEvent event, AckMode mode, String key, Added added) {
    OptionalLong sequence =
        StreamKeys.sequence(added.id()).map(OptionalLong::of).orElse(OptionalLong.empty());
    return new PublishReceipt(
        subject,
        event.id(),
        mode,
        Optional.of(key),
        OptionalInt.empty(),
        sequence,
        added.duplicate());
  }

  private static RuntimeException failure(Subject subject, Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    if (cause instanceof RuntimeException r && r instanceof io.sluice.broker.BrokerException) {
      return r;
    }
    if (cause instanceof io.lettuce.core.RedisCommandExecutionException e) {
      return new PublishRejectedException(subject, "Redis refused it: " + e.getMessage(), e);
    }
    return new BrokerUnavailableException(
        "publishing to '" + subject + "' failed: " + cause.getMessage(), cause);
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private record Added(String id, boolean duplicate) {}
}
