package io.sluice.embedded;

import io.sluice.broker.BrokerClosedException;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands a log's events to the members of one consumer (a durable group, or a private subscription
 * with a single member).
 *
 * <p>A window of up to {@value #WINDOW} unsettled events, read from the log in order, is kept in
 * memory. Each dispatch walks the window oldest first and gives every due event to the next member
 * with room under its {@code maxInFlight}. An event whose {@code partitionkey} matches an older
 * unsettled event waits for it, which gives per-key ordering across members and redeliveries.
 * Settling an event moves the floor to just below the oldest unsettled one; the {@link Positions}
 * remember it. All state is guarded by this object's lock.
 */
final class ConsumerGroup {
  static final int WINDOW = 1024;
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final String name;
  private final Positions positions;
  private final EventLog log;
  private final ScheduledExecutorService timers;
  private final TreeMap<Long, Pending> window = new TreeMap<>();
  private final List<Member> members = new ArrayList<>();
  private SubjectPattern pattern;
  private long cursor;
  private int nextMember;
  private boolean closed;

  ConsumerGroup(String name, Positions positions, EventLog log, ScheduledExecutorService timers) {
    this.name = name;
    this.positions = positions;
    this.log = log;
    this.timers = timers;
  }

  /** The group's name, or null for a private subscription. */
  String name() {
    return name;
  }

  synchronized SubjectPattern pattern() {
    return pattern;
  }

  synchronized boolean hasMembers() {
    return !members.isEmpty();
  }

  /** A member that takes requests, round robin, or null when none matches the subject. */
  synchronized Member memberFor(String subject) {
    if (members.isEmpty() || !pattern.matches(subject)) {
      return null;
    }
    return members.get(Math.floorMod(nextMember++, members.size()));
  }

  synchronized void join(Member member) {
    if (members.isEmpty()) {
      restartFromFloor(member.pattern());
    }
    members.add(member);
    dispatch();
  }

  private void restartFromFloor(SubjectPattern newPattern) {
    window.values().forEach(Pending::cancelAckTimer);
    window.clear();
    if (!newPattern.value().equals(positions.pattern())) {
      positions.restart(newPattern.value(), positions.floor());
    }
    pattern = newPattern;
    cursor = positions.floor() + 1;
  }

  /** Removes a member; what it held unsettled is delivered again to the others. */
  synchronized void leave(Member member) {
    if (!members.remove(member)) {
      return;
    }
    for (Pending p : window.values()) {
      if (p.member == member && p.state == Pending.State.IN_FLIGHT) {
        p.cancelAckTimer();
        p.state = Pending.State.READY;
        p.member = null;
      }
    }
    dispatch();
  }

  /** Stops giving a member new events (it is draining). */
  synchronized void stopFeeding(Member member) {
    member.feeding = false;
  }

  synchronized void onAppended() {
    dispatch();
  }

  synchronized void close() {
    closed = true;
    window.values().forEach(Pending::cancelAckTimer);
  }

  private void dispatch() {
    if (closed || members.isEmpty()) {
      return;
    }
    load();
    Set<String> blockedKeys = new HashSet<>();
    long now = System.nanoTime();
    for (Pending p : window.values()) {
      if (p.orderingKey != null && !blockedKeys.add(p.orderingKey)) {
        continue;
      }
      if (p.isDue(now)) {
        Member member = memberWithRoom();
        if (member == null) {
          return;
        }
        deliver(p, member);
      }
    }
  }

  private void load() {
    cursor = Math.max(cursor, log.firstSequence());
    long last = log.lastSequence();
    while (window.size() < WINDOW && cursor <= last) {
      long sequence = cursor++;
      if (positions.isSettled(sequence)) {
        continue;
      }
      byte[] record = log.record(sequence);
      if (record != null && pattern.matches(EventCodec.subjectOf(record))) {
        StoredEvent event = EventCodec.decode(sequence, record);
        window.put(sequence, new Pending(event, positions.deliveries(sequence)));
      }
    }
  }

  private Member memberWithRoom() {
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(Math.floorMod(nextMember++, members.size()));
      if (m.feeding && m.inFlight < m.options().maxInFlight()) {
        return m;
      }
    }
    return null;
  }

  private void deliver(Pending p, Member member) {
    p.state = Pending.State.IN_FLIGHT;
    p.member = member;
    p.maxDeliveries = member.options().maxDeliveries();
    p.deliveries++;
    int attempt = ++p.attempt;
    member.inFlight++;
    positions.delivered(p.sequence(), p.deliveries);
    long ackWait = member.options().ackWait().toNanos();
    p.ackTimer = timers.schedule(() -> expired(p, attempt), ackWait, TimeUnit.NANOSECONDS);
    member.enqueue(new EmbeddedDelivery(this, p, attempt, p.deliveries));
  }

  /**
   * Settles the event, whichever of its deliveries is acked: an ack that arrives after the ack wait
   * gave the event to someone else still settles it, and a repeated ack changes nothing. Either way
   * the stage completes only after a commit taken after this call, so it never reports an ack that
   * a crash could still undo, and the settled event is not handled again.
   */
  synchronized CompletionStage<Void> ack(Pending p, int attempt) {
    if (closed) {
      return CompletableFuture.failedFuture(
          new BrokerClosedException("embedded broker is closed; the delivery was not settled"));
    }
    if (window.get(p.sequence()) == p) {
      settle(p);
      dispatch();
    }
    return positions.durable();
  }

  /** False once the event is settled or given to a later delivery: the handler skips it. */
  synchronized boolean isOutstanding(Pending p, int attempt) {
    return isCurrent(p, attempt);
  }

  synchronized CompletionStage<Void> term(Pending p, int attempt) {
    return ack(p, attempt);
  }

  synchronized CompletionStage<Void> nack(Pending p, int attempt, Duration delay) {
    if (isCurrent(p, attempt) && p.state == Pending.State.IN_FLIGHT) {
      release(p);
      if (p.exhausted()) {
        settle(p);
      } else if (delay.isZero() || delay.isNegative()) {
        p.state = Pending.State.READY;
      } else {
        p.state = Pending.State.DELAYED;
        p.dueNanos = System.nanoTime() + delay.toNanos();
        timers.schedule(this::redeliverDue, delay.toNanos(), TimeUnit.NANOSECONDS);
      }
      dispatch();
    }
    return DONE;
  }

  private synchronized void redeliverDue() {
    dispatch();
  }

  private synchronized void expired(Pending p, int attempt) {
    if (isCurrent(p, attempt) && p.state == Pending.State.IN_FLIGHT) {
      release(p);
      if (p.exhausted()) {
        settle(p);
      } else {
        p.state = Pending.State.READY;
      }
      dispatch();
    }
  }

  private boolean isCurrent(Pending p, int attempt) {
    return !closed && window.get(p.sequence()) == p && p.attempt == attempt;
  }

  /** Takes an in-flight event back from its member; the caller decides what happens next. */
  private void release(Pending p) {
    p.cancelAckTimer();
    p.member.inFlight--;
    p.member = null;
    p.state = Pending.State.READY;
  }

  private void settle(Pending p) {
    if (p.state == Pending.State.IN_FLIGHT) {
      release(p);
    }
    window.remove(p.sequence());
    long floor = window.isEmpty() ? cursor - 1 : window.firstKey() - 1;
    positions.settle(p.sequence(), floor);
  }
}
