package io.sluice.redis.internal;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.sluice.broker.StartPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * A private subscription: XREAD from a position per stream, nothing stored in Redis. A nacked or
 * expired delivery is kept in the process and handed over again after its delay; it is lost with
 * the process, as is the subscription itself.
 */
final class PrivateStreams implements StreamSource {
  private final RedisCommands<String, byte[]> redis;
  private final StartPosition start;
  private final Map<String, String> positions = new ConcurrentHashMap<>();
  private final DelayQueue<Retry> retries = new DelayQueue<>();

  PrivateStreams(RedisCommands<String, byte[]> redis, StartPosition start) {
    this.redis = redis;
    this.start = start;
  }

  @Override
  public void track(String key, boolean existed) {
    positions.putIfAbsent(key, StartIds.after(start, key, existed, redis));
  }

  @Override
  public void forget() {
    // positions are this subscription's own and stay valid
  }

  @Override
  public List<StreamEntry> due(int max) {
    List<StreamEntry> due = new ArrayList<>();
    Retry retry;
    while (due.size() < max && (retry = retries.poll()) != null) {
      due.add(retry.entry);
    }
    return due;
  }

  @Override
  public List<StreamEntry> read(int max, Duration block) {
    @SuppressWarnings("unchecked")
    XReadArgs.StreamOffset<String>[] offsets =
        positions.entrySet().stream()
            .map(e -> XReadArgs.StreamOffset.from(e.getKey(), e.getValue()))
            .toArray(XReadArgs.StreamOffset[]::new);
    if (offsets.length == 0) {
      return List.of();
    }
    List<StreamMessage<String, byte[]>> messages =
        redis.xread(XReadArgs.Builder.block(block).count(max), offsets);
    List<StreamEntry> entries = new ArrayList<>();
    for (StreamMessage<String, byte[]> m : messages) {
      positions.put(m.getStream(), m.getId());
      entries.add(new StreamEntry(m.getStream(), m.getId(), m.getBody(), 1));
    }
    return entries;
  }

  @Override
  public CompletionStage<Void> ack(RedisDelivery delivery) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> term(RedisDelivery delivery) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> nack(RedisDelivery delivery, Duration delay) {
    StreamEntry again =
        new StreamEntry(
            delivery.key(), delivery.entryId(), delivery.fields(), delivery.deliveryCount() + 1);
    retries.add(new Retry(again, System.nanoTime() + delay.toNanos()));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void expired(RedisDelivery delivery) {
    nack(delivery, Duration.ZERO);
  }

  @Override
  public void giveBack(String key, String entryId) {
    // nobody else reads a private subscription's entries
  }

  private record Retry(StreamEntry entry, long dueNanos) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
