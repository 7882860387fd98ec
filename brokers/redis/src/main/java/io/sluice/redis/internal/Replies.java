package io.sluice.redis.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import io.sluice.subject.Subject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replies to requests over Redis Pub/Sub. Each broker listens on its own channel ({@code
 * <keyPrefix>reply:<uuid>}); a request entry carries that channel and a correlation id in its
 * {@code sluice-reply-to} and {@code sluice-correlation} fields, and a reply is published to the
 * channel as the correlation id, a newline and the reply in structured JSON.
 */
final class Replies {
  private final StatefulRedisPubSubConnection<String, byte[]> connection;
  private final RedisAsyncCommands<String, byte[]> commands;
  private final ScheduledExecutorService timer;
  private final String channel;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

  private Replies(
      StatefulRedisPubSubConnection<String, byte[]> connection,
      RedisAsyncCommands<String, byte[]> commands,
      ScheduledExecutorService timer,
      String channel) {
    this.connection = connection;
    this.commands = commands;
    this.timer = timer;
    this.channel = channel;
  }

  static Replies open(
      RedisClient client,
      RedisCodec<String, byte[]> codec,
      RedisAsyncCommands<String, byte[]> commands,
      ScheduledExecutorService timer,
      String keyPrefix) {
    StatefulRedisPubSubConnection<String, byte[]> connection = client.connectPubSub(codec);
    Replies replies =
        new Replies(connection, commands, timer, keyPrefix + "reply:" + UUID.randomUUID());
    connection.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, byte[] message) {
            replies.received(message);
          }
        });
    connection.sync().subscribe(replies.channel);
    return replies;
  }

  /** Registers a request; its fields say where to reply. */
  Pending expect(Subject subject, Duration timeout) {
    String correlationId = UUID.randomUUID().toString();
    Waiting entry = new Waiting(subject, new CompletableFuture<>());
    waiting.put(correlationId, entry);
    timer.schedule(
        () -> fail(correlationId, new RequestTimeoutException(subject, timeout)),
        timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    return new Pending(
        Map.of(
            StreamEventCodec.REPLY_TO, bytes(channel),
            StreamEventCodec.CORRELATION, bytes(correlationId)),
        correlationId,
        entry.reply);
  }

  CompletionStage<Void> send(String replyChannel, String correlationId, CloudEvent reply) {
    byte[] json = JsonFormat.encode(reply);
    byte[] head = bytes(correlationId + "\n");
    byte[] message = Arrays.copyOf(head, head.length + json.length);
    System.arraycopy(json, 0, message, head.length, json.length);
    return commands.publish(replyChannel, message).thenApply(n -> null);
  }

  private void received(byte[] message) {
    ByteBuffer buffer = ByteBuffer.wrap(message);
    int newline = indexOf(message, (byte) '\n');
    if (newline < 0) {
      return;
    }
    String correlationId = new String(message, 0, newline, StandardCharsets.UTF_8);
    Waiting entry = waiting.remove(correlationId);
    if (entry == null || buffer.remaining() == 0) {
      return;
    }
    byte[] json = Arrays.copyOfRange(message, newline + 1, message.length);
    CompletableFuture.runAsync(
        () -> {
          try {
            entry.reply.complete(JsonFormat.decode(json));
          } catch (RuntimeException e) {
            entry.reply.completeExceptionally(e);
          }
        });
  }

  void fail(String correlationId, RuntimeException error) {
    Waiting entry = waiting.remove(correlationId);
    if (entry != null) {
      CompletableFuture.runAsync(() -> entry.reply.completeExceptionally(error));
    }
  }

  void close() {
    waiting
        .keySet()
        .forEach(
            id -> fail(id, new BrokerClosedException("broker closed before the reply arrived")));
    connection.close();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A request's reply fields, correlation id and the reply to come. */
  record Pending(
      Map<String, byte[]> fields, String correlationId, CompletableFuture<CloudEvent> reply) {}

  private record Waiting(Subject subject, CompletableFuture<CloudEvent> reply) {}
}
