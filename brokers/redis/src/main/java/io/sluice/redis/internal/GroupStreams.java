package io.sluice.redis.internal;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import io.sluice.broker.StartPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A consumer-group member: the group is created on every stream it reads (at the start position, or
 * resumed when it exists), new entries come from XREADGROUP and are settled with XACK. Entries left
 * unsettled in the pending entries list (PEL) for longer than ackWait, by this member or one that
 * went away, are claimed with XAUTOCLAIM every claimInterval; their delivery count comes from
 * XPENDING. A nack sets the entry's idle time (XCLAIM IDLE) so that it becomes claimable after the
 * delay; delays longer than ackWait keep resetting the idle time until the rest fits.
 */
final class GroupStreams implements StreamSource {
  private final RedisCommands<String, byte[]> redis;
  private final RedisAsyncCommands<String, byte[]> shared;
  private final ScheduledExecutorService timer;
  private final StartPosition start;
  private final Consumer<String> me;
  private final Duration ackWait;
  private final Duration claimInterval;
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private long nextClaim;

  GroupStreams(
      RedisCommands<String, byte[]> redis,
      RedisAsyncCommands<String, byte[]> shared,
      ScheduledExecutorService timer,
      String group,
      StartPosition start,
      Duration ackWait,
      Duration claimInterval) {
    this.redis = redis;
    this.shared = shared;
    this.timer = timer;
    this.start = start;
    this.me = Consumer.from(group, UUID.randomUUID().toString());
    this.ackWait = ackWait;
    this.claimInterval = claimInterval;
  }

  @Override
  public void track(String key, boolean existed) {
    if (!keys.add(key)) {
      return;
    }
    String from =
        start instanceof StartPosition.NewOnly && existed
            ? "$"
            : StartIds.after(start, key, existed, redis);
    try {
      redis.xgroupCreate(
          XReadArgs.StreamOffset.from(key, from),
          me.getGroup(),
          XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException exists) {
      // the group exists on this stream: resume where it left off
    }
  }

  @Override
  public void forget() {
    keys.clear();
  }

  @Override
  public List<StreamEntry> due(int max) {
    long now = System.nanoTime();
    if (now - nextClaim < 0) {
      return List.of();
    }
    nextClaim = now + claimInterval.toNanos();
    List<StreamEntry> due = new ArrayList<>();
    for (String key : keys) {
      if (due.size() < max) {
        due.addAll(claim(key, max - due.size()));
      }
    }
    return due;
  }

  private List<StreamEntry> claim(String key, int max) {
    ClaimedMessages<String, byte[]> claimed =
        redis.xautoclaim(key, XAutoClaimArgs.Builder.xautoclaim(me, ackWait, "0-0").count(max));
    List<StreamEntry> entries = new ArrayList<>();
    for (StreamMessage<String, byte[]> m : claimed.getMessages()) {
      if (m.getBody() == null || m.getBody().isEmpty()) {
        shared.xack(key, me.getGroup(), m.getId()); // trimmed away while pending
        continue;
      }
      entries.add(new StreamEntry(key, m.getId(), m.getBody(), deliveryCount(key, m.getId())));
    }
    return entries;
  }

  private int deliveryCount(String key, String id) {
    List<PendingMessage> pending =
        redis.xpending(key, me.getGroup(), Range.create(id, id), Limit.from(1));
    return pending.isEmpty() ? 1 : (int) Math.max(1, pending.get(0).getRedeliveryCount());
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<StreamEntry> read(int max, Duration block) {
    XReadArgs.StreamOffset<String>[] offsets =
        keys.stream()
            .map(XReadArgs.StreamOffset::lastConsumed)
            .toArray(XReadArgs.StreamOffset[]::new);
    if (offsets.length == 0) {
      return List.of();
    }
    List<StreamEntry> entries = new ArrayList<>();
    for (StreamMessage<String, byte[]> m :
        redis.xreadgroup(me, XReadArgs.Builder.block(block).count(max), offsets)) {
      entries.add(new StreamEntry(m.getStream(), m.getId(), m.getBody(), 1));
    }
    return entries;
  }

  @Override
  public CompletionStage<Void> ack(RedisDelivery delivery) {
    return shared.xack(delivery.key(), me.getGroup(), delivery.entryId()).thenApply(n -> null);
  }

  @Override
  public CompletionStage<Void> term(RedisDelivery delivery) {
    return ack(delivery);
  }

  @Override
  public CompletionStage<Void> nack(RedisDelivery delivery, Duration delay) {
    long remaining = delay.toMillis();
    if (remaining > ackWait.toMillis()) {
      long keepFor = Math.max(1, ackWait.toMillis() / 2);
      timer.schedule(
          () -> nack(delivery, Duration.ofMillis(remaining - keepFor)),
          keepFor,
          TimeUnit.MILLISECONDS);
      return setIdle(delivery, 0);
    }
    return setIdle(delivery, ackWait.toMillis() - remaining);
  }

  private CompletionStage<Void> setIdle(RedisDelivery delivery, long idleMillis) {
    XClaimArgs args = new XClaimArgs().minIdleTime(0).idle(idleMillis).justid();
    return shared.xclaim(delivery.key(), me, args, delivery.entryId()).thenApply(m -> null);
  }

  @Override
  public void giveBack(String key, String entryId) {
    XClaimArgs args = new XClaimArgs().minIdleTime(0).idle(ackWait.toMillis()).justid();
    redis.xclaim(key, me, args, entryId);
  }

  @Override
  public void expired(RedisDelivery delivery) {
    // still in the PEL: it becomes claimable once idle for ackWait
  }
}
