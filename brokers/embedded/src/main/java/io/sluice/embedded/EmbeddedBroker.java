package io.sluice.embedded;

import io.sluice.broker.AckMode;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.AbstractBroker;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded durable broker: one log in an MVStore file, consumer groups over it, request-reply
 * in process. See {@code docs/brokers/embedded.md} for what survives a crash.
 */
final class EmbeddedBroker extends AbstractBroker {
  static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              Capability.DURABLE_PUBLISH,
              Capability.REPLAY,
              Capability.CONSUMER_GROUPS,
              Capability.DURABLE_CONSUMERS,
              Capability.DELAYED_REDELIVERY,
              Capability.PER_KEY_ORDERING,
              Capability.DEDUPLICATION,
              Capability.REQUEST_REPLY,
              Capability.NO_RESPONDERS_DETECTION,
              Capability.SEQUENCES,
              Capability.MAX_DELIVERIES));

  private final EmbeddedSettings settings;
  private final Engine engine;
  private final Requests requests;
  private final ConcurrentHashMap<String, ConsumerGroup> groups = new ConcurrentHashMap<>();
  private final Set<ConsumerGroup> privateGroups = ConcurrentHashMap.newKeySet();
  private final Set<Member> members = ConcurrentHashMap.newKeySet();
  private volatile ConnectionState state = ConnectionState.CONNECTED;

  private EmbeddedBroker(String url, EmbeddedSettings settings, Engine engine) {
    super(url, CAPABILITIES);
    this.settings = settings;
    this.engine = engine;
    this.requests = new Requests(engine.timers());
  }

  /** Opens (or creates) the data directory and takes its lock. */
  static EmbeddedBroker open(String url, EmbeddedSettings settings, Clock clock) {
    return new EmbeddedBroker(url, settings, Engine.start(settings, clock));
  }

  @Override
  public CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, AckMode ackMode) {
    checkPublish(subject, event, ackMode);
    if (state != ConnectionState.CONNECTED) {
      return CompletableFuture.failedFuture(closed("publish to '" + subject + "'"));
    }
    Appended appended;
    try {
      appended = engine.log().append(subject, event);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new BrokerUnavailableException("embedded broker could not store the event: " + e, e));
    }
    if (!appended.duplicate()) {
      groups.values().forEach(ConsumerGroup::onAppended);
      privateGroups.forEach(ConsumerGroup::onAppended);
    }
    PublishReceipt receipt = receipt(subject, event, ackMode, appended);
    if (ackMode == AckMode.FIRE_AND_FORGET) {
      return CompletableFuture.completedFuture(receipt);
    }
    return engine.committer().durable().thenApply(v -> receipt);
  }

  private PublishReceipt receipt(
      Subject subject, CloudEvent event, AckMode ackMode, Appended appended) {
    return new PublishReceipt(
        subject,
        event.id(),
        ackMode,
        Optional.of(settings.stream()),
        OptionalInt.empty(),
        OptionalLong.of(appended.sequence()),
        appended.duplicate());
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    checkSubscribe(pattern, options, handler);
    if (state != ConnectionState.CONNECTED) {
      throw closed("subscribe to '" + pattern + "'");
    }
    ConsumerGroup group =
        options.group() == null
            ? privateGroup(pattern, options.start())
            : durableGroup(options.group(), pattern, options.start());
    Member member = new Member(group, pattern, options, handler, this::closed);
    members.add(member);
    member.start();
    return member;
  }

  private ConsumerGroup privateGroup(SubjectPattern pattern, StartPosition start) {
    var positions = new MemoryPositions(pattern.value(), floorFor(start));
    ConsumerGroup group = new ConsumerGroup(null, positions, engine.log(), engine.timers());
    privateGroups.add(group);
    return group;
  }

  private ConsumerGroup durableGroup(String name, SubjectPattern pattern, StartPosition start) {
    return groups.computeIfAbsent(
        name,
        n -> {
          Positions positions = StoredPositions.load(engine.storage(), engine.committer(), n);
          if (positions == null) {
            positions =
                StoredPositions.create(
                    engine.storage(), engine.committer(), n, pattern.value(), floorFor(start));
          }
          return new ConsumerGroup(n, positions, engine.log(), engine.timers());
        });
  }

  /** The floor a new consumer starts from: everything at or below it counts as settled. */
  private long floorFor(StartPosition start) {
    EventLog log = engine.log();
    return switch (start) {
      case StartPosition.NewOnly n -> log.lastSequence();
      case StartPosition.All a -> log.firstSequence() - 1;
      case StartPosition.AtSequence s -> s.sequence() - 1;
      case StartPosition.AtTime t -> log.firstSequenceAtOrAfter(t.time().toEpochMilli()) - 1;
    };
  }

  private void closed(Member member) {
    members.remove(member);
    ConsumerGroup group = member.groupState();
    if (group.name() == null) {
      privateGroups.remove(group);
      group.close();
    }
  }

  @Override
  public CompletionStage<CloudEvent> request(
      Subject subject, CloudEvent request, Duration timeout) {
    checkRequest(subject, request, timeout);
    if (state != ConnectionState.CONNECTED) {
      return CompletableFuture.failedFuture(closed("request on '" + subject + "'"));
    }
    var responders = new java.util.ArrayList<Member>();
    for (ConsumerGroup group : privateGroups) {
      Optional.ofNullable(group.memberFor(subject.value())).ifPresent(responders::add);
    }
    for (ConsumerGroup group : groups.values()) {
      Optional.ofNullable(group.memberFor(subject.value())).ifPresent(responders::add);
    }
    return requests.send(subject, request, timeout, responders);
  }

  /** Commits and syncs made so far: with group commit, fewer than the durable writes. */
  long commits() {
    return engine.committer().commits();
  }

  @Override
  public ConnectionState state() {
    return state;
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    synchronized (this) {
      if (state != ConnectionState.CONNECTED) {
        return CompletableFuture.completedFuture(null);
      }
      state = ConnectionState.DRAINING;
    }
    CompletableFuture<?>[] drained =
        members.stream()
            .map(m -> m.drain(timeout).toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(drained)
        .completeOnTimeout(null, timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)
        .thenRun(this::close);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (state == ConnectionState.CLOSED) {
        return;
      }
      state = ConnectionState.CLOSED;
    }
    groups.values().forEach(ConsumerGroup::close);
    privateGroups.forEach(ConsumerGroup::close);
    members.forEach(Member::close);
    requests.close();
    engine.close();
  }

  private static BrokerClosedException closed(String what) {
    return new BrokerClosedException("embedded broker is closed; cannot " + what);
  }

  @Override
  public String toString() {
    return "EmbeddedBroker{" + url() + ", " + state + "}";
  }
}
