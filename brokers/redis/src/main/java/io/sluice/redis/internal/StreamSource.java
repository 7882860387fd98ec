package io.sluice.redis.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where a subscription's entries come from and how they are settled: {@link PrivateStreams} (XREAD,
 * redelivery in the process) or {@link GroupStreams} (XREADGROUP, XACK, XAUTOCLAIM).
 */
interface StreamSource {

  /** Starts reading {@code key}; {@code existed} says whether it existed when subscribing. */
  void track(String key, boolean existed);

  /** Entries due for redelivery now, at most {@code max}. */
  List<StreamEntry> due(int max);

  /**
   * Forgets which streams were set up, so the next {@link #track} sets them up again (groups are
   * created again if Redis lost them; positions are kept).
   */
  void forget();

  /** New entries, at most {@code max}, waiting up to {@code block} for some. */
  List<StreamEntry> read(int max, Duration block);

  CompletionStage<Void> ack(RedisDelivery delivery);

  /** Never deliver again. */
  CompletionStage<Void> term(RedisDelivery delivery);

  /** Deliver again, no sooner than {@code delay}. */
  CompletionStage<Void> nack(RedisDelivery delivery, Duration delay);

  /** The delivery's ackWait passed unsettled. */
  void expired(RedisDelivery delivery);

  /** The subscription closes without settling {@code entryId}: let others have it now. */
  void giveBack(String key, String entryId);
}
