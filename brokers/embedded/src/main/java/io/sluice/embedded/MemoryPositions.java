package io.sluice.embedded;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/** Positions of a private subscription: gone when it closes, nothing to persist. */
final class MemoryPositions implements Positions {
  private final TreeSet<Long> settled = new TreeSet<>();
  private final Map<Long, Integer> deliveries = new HashMap<>();
  private String pattern;
  private long floor;

  MemoryPositions(String pattern, long floor) {
    this.pattern = pattern;
    this.floor = floor;
  }

  @Override
  public long floor() {
    return floor;
  }

  @Override
  public boolean isSettled(long sequence) {
    return sequence <= floor || settled.contains(sequence);
  }

  @Override
  public void settle(long sequence, long newFloor) {
    deliveries.remove(sequence);
    if (sequence > newFloor) {
      settled.add(sequence);
    }
    floor = Math.max(floor, newFloor);
    settled.headSet(floor, true).clear();
  }

  @Override
  public int deliveries(long sequence) {
    return deliveries.getOrDefault(sequence, 0);
  }

  @Override
  public void delivered(long sequence, int count) {
    deliveries.put(sequence, count);
  }

  @Override
  public CompletableFuture<Void> durable() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String pattern() {
    return pattern;
  }

  @Override
  public void restart(String pattern, long floor) {
    this.pattern = pattern;
    if (floor != this.floor) {
      settled.clear();
    }
    this.floor = floor;
    deliveries.clear();
  }
}
