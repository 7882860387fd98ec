package io.sluice.kafka.internal;

import io.sluice.broker.StartPosition;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves newly assigned partitions to a subscription's start: the end for {@code newOnly}, the
 * beginning for {@code all}, offset {@code sequence - 1} for {@code atSequence} (a sequence is the
 * offset plus one) and the first offset at or after the time for {@code atTime}, found with {@code
 * offsetsForTimes}.
 */
final class Positions {
  private Positions() {}

  static void seek(Consumer<?, ?> consumer, Set<TopicPartition> partitions, StartPosition start) {
    if (partitions.isEmpty()) {
      return;
    }
    if (start instanceof StartPosition.AtSequence at) {
      partitions.forEach(tp -> consumer.seek(tp, at.sequence() - 1));
    } else if (start instanceof StartPosition.AtTime at) {
      seekToTime(consumer, partitions, at.time().toEpochMilli());
    } else if (start instanceof StartPosition.All) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
    }
    partitions.forEach(consumer::position);
  }

  private static void seekToTime(Consumer<?, ?> consumer, Set<TopicPartition> partitions, long at) {
    Map<TopicPartition, Long> query = new java.util.HashMap<>();
    partitions.forEach(tp -> query.put(tp, at));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp hit = found.get(tp);
      consumer.seek(tp, hit == null ? ends.get(tp) : hit.offset());
    }
  }
}
