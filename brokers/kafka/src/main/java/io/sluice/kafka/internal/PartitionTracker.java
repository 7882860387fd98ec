package io.sluice.kafka.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Acknowledgement bookkeeping of one partition. Kafka keeps one committed offset per partition, so
 * Sluice commits the offset after the highest contiguous acknowledged record: with records 5, 6 and
 * 7 delivered and 5 and 7 acknowledged, the commit is 6, and a member taking over redelivers 6 and
 * 7 (7 a second time). Delivery counts are remembered per offset for this member's life; the count
 * of the first unacknowledged record also travels in the commit's metadata.
 */
final class PartitionTracker {
  private long base;
  private volatile long minTimestamp;
  private final TreeSet<Long> acked = new TreeSet<>();
  private final Map<Long, Integer> deliveries = new HashMap<>();

  /** Starts with {@code base}, the first offset not yet acknowledged. */
  PartitionTracker(long base) {
    this.base = base;
  }

  /** Records older than this (epoch millis) are skipped: they predate the subscription's start. */
  long minTimestamp() {
    return minTimestamp;
  }

  void minTimestamp(long millis) {
    this.minTimestamp = millis;
  }

  /** The offset to commit: every record below it is acknowledged. */
  synchronized long commitOffset() {
    return base;
  }

  synchronized boolean isAcked(long offset) {
    return offset < base || acked.contains(offset);
  }

  /** Records an acknowledgement; returns true when the commit offset moved. */
  synchronized boolean ack(long offset) {
    if (offset < base || !acked.add(offset)) {
      return false;
    }
    long before = base;
    while (acked.remove(base)) {
      deliveries.remove(base);
      base++;
    }
    return base != before;
  }

  /** Counts one more delivery of {@code offset} and returns the count. */
  synchronized int delivered(long offset) {
    return deliveries.merge(offset, 1, Integer::sum);
  }

  /** Seeds the count of a record delivered before, e.g. by a member that left the group. */
  synchronized void seed(long offset, int count) {
    deliveries.merge(offset, count, Math::max);
  }

  /** How often the first unacknowledged record has been delivered; 0 if never. */
  synchronized int deliveriesOfBase() {
    return deliveries.getOrDefault(base, 0);
  }
}
