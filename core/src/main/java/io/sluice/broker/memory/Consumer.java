package io.sluice.broker.memory;

import io.sluice.broker.BrokerEvent.Outcome;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery state behind one private subscription or one consumer group: events ready to deliver
 * (in arrival order), deliveries in flight, and for groups the partition keys that wait for their
 * previous event to be settled. Every method runs under the broker's lock.
 */
final class Consumer {
  private static final Logger LOG = LoggerFactory.getLogger(Consumer.class);

  /** An event waiting for (re)delivery and how many times it was delivered before. */
  private record Pending(StoredEvent event, int deliveries) {}

  private final MemoryBroker broker;
  private final String group;
  private final SubjectPattern pattern;
  private final Predicate<StoredEvent> accepts;
  private final TreeMap<Long, Pending> ready = new TreeMap<>();
  private final Map<Long, MemoryDelivery> inFlight = new HashMap<>();
  private final Set<String> busyKeys = new HashSet<>();
  private final List<MemorySubscription> members = new ArrayList<>();
  private int nextMember;

  Consumer(MemoryBroker broker, String group, SubjectPattern pattern, Predicate<StoredEvent> from) {
    this.broker = broker;
    this.group = group;
    this.pattern = pattern;
    this.accepts = from;
  }

  SubjectPattern pattern() {
    return pattern;
  }

  String group() {
    return group;
  }

  boolean hasMembers() {
    return !members.isEmpty();
  }

  /** Queues a published event when it matches; true when it was queued. */
  boolean offer(StoredEvent event) {
    if (!pattern.matches(event.subject()) || !accepts.test(event)) {
      return false;
    }
    ready.put(event.position(), new Pending(event, 0));
    return true;
  }

  /** Queues a request; requests are not subject to the start position. */
  void offerRequest(StoredEvent request) {
    ready.put(request.position(), new Pending(request, 0));
  }

  void addMember(MemorySubscription member) {
    members.add(member);
    pump();
  }

  /** Removes a member; what it had in flight goes back to the others (or waits for the next). */
  void removeMember(MemorySubscription member) {
    members.remove(member);
    List<MemoryDelivery> orphaned =
        inFlight.values().stream().filter(d -> d.member() == member).toList();
    for (MemoryDelivery d : orphaned) {
      inFlight.remove(d.stored().position());
      d.cancelTimer();
      redeliver(d, Duration.ZERO);
    }
    pump();
  }

  /** Hands ready events to members with capacity, skipping partition keys still in flight. */
  void pump() {
    if (members.isEmpty() || broker.isClosed()) {
      return;
    }
    Iterator<Pending> it = ready.values().iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (p.event().isRequest() && p.event().replyTo().isDone()) {
        it.remove();
        continue;
      }
      String key = orderingKey(p.event());
      if (key != null && busyKeys.contains(key)) {
        continue;
      }
      MemorySubscription member = nextMemberWithCapacity();
      if (member == null) {
        return;
      }
      it.remove();
      if (key != null) {
        busyKeys.add(key);
      }
      dispatch(p, member);
    }
  }

  /** Settles a delivery; false when it was already settled, expired or taken back. */
  boolean settle(MemoryDelivery d, Outcome outcome, Duration delay) {
    long position = d.stored().position();
    if (inFlight.get(position) != d) {
      return false;
    }
    inFlight.remove(position);
    d.cancelTimer();
    d.member().released();
    if (outcome == Outcome.NACKED) {
      redeliver(d, delay);
    } else {
      releaseKey(d.stored());
    }
    pump();
    return true;
  }

  private void dispatch(Pending p, MemorySubscription member) {
    MemoryDelivery d = new MemoryDelivery(this, member, p.event(), p.deliveries() + 1);
    inFlight.put(p.event().position(), d);
    member.taken();
    d.expireAfter(
        broker.schedule(() -> settle(d, Outcome.NACKED, Duration.ZERO), member.ackWait()));
    member.hand(d);
  }

  private void redeliver(MemoryDelivery d, Duration delay) {
    int max = d.member().maxDeliveries();
    if (max > 0 && d.deliveryCount() >= max) {
      LOG.debug("event {} reached {} deliveries on {}; not redelivered", d.event().id(), max, this);
      releaseKey(d.stored());
      return;
    }
    Pending again = new Pending(d.stored(), d.deliveryCount());
    if (delay.isZero()) {
      requeue(again);
      return;
    }
    broker.schedule(
        () -> {
          requeue(again);
          pump();
        },
        delay);
  }

  /** Back in line at its original position; its key (held until now) is free to go again. */
  private void requeue(Pending pending) {
    releaseKey(pending.event());
    ready.put(pending.event().position(), pending);
  }

  private void releaseKey(StoredEvent event) {
    String key = orderingKey(event);
    if (key != null) {
      busyKeys.remove(key);
    }
  }

  private String orderingKey(StoredEvent event) {
    return group == null ? null : event.partitionKey();
  }

  private MemorySubscription nextMemberWithCapacity() {
    int size = members.size();
    for (int i = 0; i < size; i++) {
      int index = (nextMember + i) % size;
      MemorySubscription candidate = members.get(index);
      if (candidate.hasCapacity()) {
        nextMember = (index + 1) % size;
        return candidate;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return group == null ? "subscription '" + pattern + "'" : "group '" + group + "'";
  }
}
