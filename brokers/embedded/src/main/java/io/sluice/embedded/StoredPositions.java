package io.sluice.embedded;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import org.h2.mvstore.MVMap;

/**
 * Positions of a durable consumer group, kept in the store: the floor and pattern in the shared
 * {@code groups} map, settled sequences above the floor and delivery counts in maps of the group's
 * own. Every write runs inside {@link Storage#change}, so a commit sees a settlement whole.
 */
final class StoredPositions implements Positions {
  static final String GROUPS = "groups";

  private final Storage storage;
  private final GroupCommitter committer;
  private final String name;
  private final MVMap<String, String> groups;
  private final MVMap<Long, Boolean> settled;
  private final MVMap<Long, Integer> deliveries;
  private String pattern;
  private long floor;

  private StoredPositions(Storage storage, GroupCommitter committer, String name) {
    this.storage = storage;
    this.committer = committer;
    this.name = name;
    this.groups = storage.map(GROUPS);
    this.settled = storage.map("group." + name + ".settled");
    this.deliveries = storage.map("group." + name + ".deliveries");
  }

  /** The stored positions of a group, or null when the group was never created. */
  static StoredPositions load(Storage storage, GroupCommitter committer, String name) {
    MVMap<String, String> groups = storage.map(GROUPS);
    String stored = groups.get(name);
    if (stored == null) {
      return null;
    }
    StoredPositions positions = new StoredPositions(storage, committer, name);
    int colon = stored.indexOf(':');
    positions.floor = Long.parseLong(stored.substring(0, colon));
    positions.pattern = stored.substring(colon + 1);
    return positions;
  }

  static StoredPositions create(
      Storage storage, GroupCommitter committer, String name, String pattern, long floor) {
    StoredPositions positions = new StoredPositions(storage, committer, name);
    positions.restart(pattern, floor);
    return positions;
  }

  @Override
  public long floor() {
    return floor;
  }

  @Override
  public boolean isSettled(long sequence) {
    return sequence <= floor || settled.containsKey(sequence);
  }

  @Override
  public void settle(long sequence, long newFloor) {
    storage.change(
        () -> {
          deliveries.remove(sequence);
          if (sequence > newFloor) {
            settled.put(sequence, Boolean.TRUE);
          }
          if (newFloor > floor) {
            floor = newFloor;
            writeHeader();
            dropSettledUpToFloor();
          }
        });
  }

  private void dropSettledUpToFloor() {
    Iterator<Long> it = settled.keyIterator(null);
    while (it.hasNext()) {
      Long sequence = it.next();
      if (sequence > floor) {
        return;
      }
      settled.remove(sequence);
    }
  }

  @Override
  public int deliveries(long sequence) {
    return deliveries.getOrDefault(sequence, 0);
  }

  @Override
  public void delivered(long sequence, int count) {
    storage.change(() -> deliveries.put(sequence, count));
  }

  @Override
  public CompletableFuture<Void> durable() {
    return committer.durable();
  }

  @Override
  public String pattern() {
    return pattern;
  }

  @Override
  public void restart(String pattern, long floor) {
    storage.change(
        () -> {
          this.pattern = pattern;
          if (floor != this.floor) {
            settled.clear();
          }
          this.floor = floor;
          deliveries.clear();
          writeHeader();
        });
  }

  private void writeHeader() {
    groups.put(name, floor + ":" + pattern);
  }
}
