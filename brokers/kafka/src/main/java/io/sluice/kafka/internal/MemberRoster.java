package io.sluice.kafka.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The members of one reader and which of them has room for another delivery, round robin. */
final class MemberRoster {
  private final List<Member> members = new CopyOnWriteArrayList<>();
  private int next;

  void add(Member member) {
    members.add(member);
  }

  boolean remove(Member member) {
    return members.remove(member);
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  List<Member> all() {
    return List.copyOf(members);
  }

  /** The next active member with fewer than its maxInFlight unsettled deliveries; null if none. */
  Member nextWithRoom(Set<KafkaDelivery> open) {
    int size = members.size();
    for (int i = 0; i < size; i++) {
      Member candidate = members.get(Math.floorMod(next++, size));
      if (candidate.isActive() && unsettled(candidate, open) < candidate.maxInFlight()) {
        return candidate;
      }
    }
    return null;
  }

  private static int unsettled(Member member, Set<KafkaDelivery> open) {
    int count = 0;
    for (KafkaDelivery d : open) {
      if (d.member() == member) {
        count++;
      }
    }
    return count;
  }
}
