package io.sluice.library.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.library.Sluice;
import io.sluice.library.SluiceEvent;
import io.sluice.library.SluiceListener;
import io.sluice.library.SluiceOptions;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker for tests of code that uses the library: it records every event published through it
 * and, for clients made by {@link #client()}, every event handled, retried, dead-lettered or
 * skipped as a duplicate. Query the records with the accessors; wait for them with Awaitility.
 *
 * <p>{@link #create()} wraps the in-memory broker {@code mem:}; {@link #wrap(Broker)} records
 * around any real broker.
 */
public final class TestBroker implements Broker, SluiceListener {
  private final Broker delegate;
  private final Set<Capability> hidden;
  private final List<PublishedEvent> published = new CopyOnWriteArrayList<>();
  private final List<SluiceEvent> happenings = new CopyOnWriteArrayList<>();

  /** An event as it was published: where to, and what. */
  public record PublishedEvent(Subject subject, CloudEvent event) {}

  private TestBroker(Broker delegate, Set<Capability> hidden) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.hidden = Set.copyOf(hidden);
  }

  /** The in-memory broker ({@code mem:}): consumer groups, delayed redelivery, de-duplication. */
  public static TestBroker create() {
    return new TestBroker(Broker.connect("mem:"), Set.of());
  }

  /**
   * The in-memory broker with some capabilities withheld, to exercise the library's fallbacks.
   * Without {@link Capability#DEDUPLICATION} repeated idempotency keys reach consumers (the
   * broker's de-duplication window is cut to a nanosecond).
   */
  public static TestBroker createWithout(Capability first, Capability... more) {
    Set<Capability> hidden = EnumSet.of(first, more);
    BrokerSpec spec = BrokerSpec.of("mem:");
    if (hidden.contains(Capability.DEDUPLICATION)) {
      spec = spec.withSettings(Map.of("dedupWindow", Duration.ofNanos(1)));
    }
    return new TestBroker(Broker.connect(spec), hidden);
  }

  /** Records around a real broker. */
  public static TestBroker wrap(Broker broker) {
    return new TestBroker(broker, Set.of());
  }

  /** A client whose happenings this broker records, with its own meter registry. */
  public Sluice client() {
    return client(SluiceOptions.defaults().withMeterRegistry(new SimpleMeterRegistry()));
  }

  /** A client with these options whose happenings this broker also records. */
  public Sluice client(SluiceOptions options) {
    return Sluice.client(this, options.withListener(this));
  }

  /** Every event published, in order. */
  public List<PublishedEvent> published() {
    return List.copyOf(published);
  }

  /** Events published to {@code subject}, in order. */
  public List<CloudEvent> published(String subject) {
    Subject wanted = Subject.of(subject);
    return published.stream().filter(p -> p.subject().equals(wanted)).map(p -> p.event).toList();
  }

  public List<SluiceEvent.Handled> handled() {
    return of(SluiceEvent.Handled.class);
  }

  public List<SluiceEvent.Failed> failed() {
    return of(SluiceEvent.Failed.class);
  }

  public List<SluiceEvent.Retried> retried() {
    return of(SluiceEvent.Retried.class);
  }

  public List<SluiceEvent.DeadLettered> deadLettered() {
    return of(SluiceEvent.DeadLettered.class);
  }

  public List<SluiceEvent.DuplicateSkipped> duplicatesSkipped() {
    return of(SluiceEvent.DuplicateSkipped.class);
  }

  private <E extends SluiceEvent> List<E> of(Class<E> type) {
    return happenings.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public void on(SluiceEvent event) {
    happenings.add(event);
  }

  @Override
  public String url() {
    return delegate.url();
  }

  @Override
  public Set<Capability> capabilities() {
    Set<Capability> shown = EnumSet.noneOf(Capability.class);
    shown.addAll(delegate.capabilities());
    shown.removeAll(hidden);
    return shown;
  }

  @Override
  public CompletionStage<PublishReceipt> publish(Subject subject, CloudEvent event, AckMode mode) {
    return delegate
        .publish(subject, event, mode)
        .whenComplete(
            (receipt, failure) -> {
              if (failure == null && !receipt.duplicate()) {
                published.add(new PublishedEvent(subject, event));
              }
            });
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    return delegate.subscribe(pattern, options, handler);
  }

  @Override
  public CompletionStage<CloudEvent> request(Subject subject, CloudEvent request, Duration t) {
    return delegate.request(subject, request, t);
  }

  @Override
  public ConnectionState state() {
    return delegate.state();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    return delegate.drain(timeout);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
