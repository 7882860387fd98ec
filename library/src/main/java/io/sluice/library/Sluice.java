package io.sluice.library;

import io.sluice.broker.Broker;
import io.sluice.library.internal.ClientContext;
import io.sluice.library.internal.DefaultPublisher;
import io.sluice.library.internal.SubscriptionRunner;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A typed client over a {@link Broker}: publishers for event contracts and subscriptions that run
 * {@link HandlerChain}s. Closing the client drains its subscriptions; the broker stays open and
 * belongs to the caller.
 */
public final class Sluice implements AutoCloseable {
  private final ClientContext context;
  private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();

  private Sluice(ClientContext context) {
    this.context = context;
  }

  public static Sluice client(Broker broker) {
    return client(broker, SluiceOptions.defaults());
  }

  public static Sluice client(Broker broker, SluiceOptions options) {
    return new Sluice(ClientContext.create(broker, options));
  }

  /** A publisher of {@code contract} events to {@code subject}. */
  public <T> Publisher<T> publisher(String subject, EventContract<T> contract) {
    return new DefaultPublisher<>(context, Subject.of(subject), contract);
  }

  /** A publisher for a record annotated with {@link EventType}. */
  public <T> Publisher<T> publisher(String subject, Class<T> annotatedType) {
    return publisher(subject, EventContract.of(annotatedType));
  }

  /** Runs {@code chain} for every event on subjects matching {@code pattern}. */
  public <T> EventSubscription subscribe(
      String pattern, EventContract<T> contract, HandlerChain<T> chain, ConsumerOptions options) {
    Objects.requireNonNull(chain, "chain");
    SubjectPattern subjects = SubjectPattern.of(pattern);
    chain
        .deadLetter()
        .filter(subjects::matches)
        .ifPresent(
            dead -> {
              throw new IllegalArgumentException(
                  "dead-letter subject '"
                      + dead
                      + "' matches the subscription pattern '"
                      + pattern
                      + "'; dead-lettered events would be handled again");
            });
    SubscriptionRunner<T> runner =
        SubscriptionRunner.start(context, subjects, contract, chain, options);
    subscriptions.add(runner);
    return runner;
  }

  /** Runs {@code chain} for events of a record annotated with {@link EventType}. */
  public <T> EventSubscription subscribe(
      String pattern, Class<T> annotatedType, HandlerChain<T> chain, ConsumerOptions options) {
    return subscribe(pattern, EventContract.of(annotatedType), chain, options);
  }

  /** Drains and closes every subscription this client started. */
  @Override
  public void close() {
    subscriptions.forEach(EventSubscription::close);
    subscriptions.clear();
  }
}
