package io.sluice.broker.memory;

import java.util.ArrayDeque;
import java.util.List;

/** Published events kept for replay, at most {@code capacity}, the oldest dropped first. */
final class RetainedLog {
  private final ArrayDeque<StoredEvent> events = new ArrayDeque<>();
  private final int capacity;

  RetainedLog(int capacity) {
    this.capacity = capacity;
  }

  void append(StoredEvent event) {
    events.addLast(event);
    while (events.size() > capacity) {
      events.removeFirst();
    }
  }

  /** Every retained event, oldest first. */
  List<StoredEvent> snapshot() {
    return List.copyOf(events);
  }

  int size() {
    return events.size();
  }
}
