package io.sluice.library.testing;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small broker in this process's memory, for tests: subjects with wildcards, consumer groups
 * (round-robin), delayed redelivery on nack, and de-duplication by {@code idempotencykey}. Nothing
 * survives the process. Capabilities can be withheld to exercise fallbacks.
 */
final class InProcessBroker implements Broker {
  private final Set<Capability> capabilities;
  private final List<InProcessSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final Set<String> seenKeys = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> roundRobin = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean closed;

  InProcessBroker(Set<Capability> capabilities) {
    this.capabilities = Set.copyOf(capabilities);
  }

  static Set<Capability> allCapabilities() {
    return EnumSet.of(
        Capability.CONSUMER_GROUPS,
        Capability.DELAYED_REDELIVERY,
        Capability.DEDUPLICATION,
        Capability.SEQUENCES);
  }

  @Override
  public String url() {
    return "mem:test";
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public CompletionStage<PublishReceipt> publish(Subject subject, CloudEvent event, AckMode mode) {
    if (closed) {
      return CompletableFuture.failedFuture(new BrokerClosedException("the test broker is closed"));
    }
    String key = event.extensionAsString(Extensions.IDEMPOTENCY_KEY).orElse(null);
    boolean duplicate = key != null && has(Capability.DEDUPLICATION) && !seenKeys.add(key);
    long seq = duplicate ? sequence.get() : sequence.incrementAndGet();
    if (!duplicate) {
      route(subject, event, seq);
    }
    return CompletableFuture.completedFuture(
        PublishReceipt.persisted(subject, event.id(), "mem", seq, duplicate));
  }

  private void route(Subject subject, CloudEvent event, long seq) {
    Map<String, List<InProcessSubscription>> groups = new LinkedHashMap<>();
    for (InProcessSubscription s : subscriptions) {
      if (s.isActive() && s.pattern().matches(subject)) {
        String group = s.group().orElse("\0private" + System.identityHashCode(s));
        groups.computeIfAbsent(group, g -> new CopyOnWriteArrayList<>()).add(s);
      }
    }
    groups.forEach((group, members) -> pick(group, members).deliver(subject, event, seq, 1));
  }

  private InProcessSubscription pick(String group, List<InProcessSubscription> members) {
    long n = roundRobin.computeIfAbsent(group, g -> new AtomicLong()).getAndIncrement();
    return members.get((int) (n % members.size()));
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    if (closed) {
      throw new BrokerClosedException("the test broker is closed");
    }
    InProcessSubscription s = new InProcessSubscription(pattern, options, handler, subscriptions);
    subscriptions.add(s);
    return s;
  }

  @Override
  public CompletionStage<CloudEvent> request(Subject subject, CloudEvent request, Duration t) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("the test broker does not offer request-reply"));
  }

  @Override
  public ConnectionState state() {
    return closed ? ConnectionState.CLOSED : ConnectionState.CONNECTED;
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    CompletableFuture<?>[] drains =
        subscriptions.stream()
            .map(s -> s.drain(timeout).toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(drains).whenComplete((v, e) -> close());
  }

  @Override
  public void close() {
    closed = true;
    subscriptions.forEach(InProcessSubscription::close);
  }
}
