package io.sluice.pulsar.internal;

import io.sluice.broker.StartPosition;
import java.time.Instant;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;

/**
 * Where a new subscription starts. Pulsar positions a new subscription at the earliest or latest
 * message of each topic; finer starts read from the earliest and skip (acknowledge unseen) what
 * lies before the start: sequences below {@code atSequence}, publish times before {@code atTime}. A
 * wildcard private subscription starting at new events reads topics it discovers from their
 * earliest message and skips what was published before it subscribed, so events on a topic created
 * just after subscribing are not missed.
 */
record StartFilter(SubscriptionInitialPosition initial, long minSequence, long minPublishTime) {

  static StartFilter of(StartPosition start, boolean wildcard, boolean group, Instant now) {
    if (start instanceof StartPosition.AtSequence at) {
      return earliest(at.sequence(), 0);
    }
    if (start instanceof StartPosition.AtTime at) {
      return earliest(0, at.time().toEpochMilli());
    }
    if (start instanceof StartPosition.All) {
      return earliest(0, 0);
    }
    if (!wildcard) {
      return latest();
    }
    return group ? earliest(0, 0) : earliest(0, now.toEpochMilli());
  }

  private static StartFilter latest() {
    return new StartFilter(SubscriptionInitialPosition.Latest, 0, 0);
  }

  private static StartFilter earliest(long minSequence, long minPublishTime) {
    return new StartFilter(SubscriptionInitialPosition.Earliest, minSequence, minPublishTime);
  }

  boolean skips(Message<byte[]> message) {
    return Sequences.of(message.getMessageId()) < minSequence
        || message.getPublishTime() < minPublishTime;
  }
}
