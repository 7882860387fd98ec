package io.sluice.testkit;

import io.sluice.broker.Broker;
import io.sluice.broker.Subscription;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One kit test's broker and namespace: every subject lives under {@code <root>.<token>} and every
 * group name ends with the token, so tests never see each other's events on a shared broker.
 */
final class KitContext implements AutoCloseable {
  private final java.util.function.UnaryOperator<Broker> reopener;
  private volatile Broker broker;
  private final String root;
  private final String token;
  private final double timeScale;
  private final Duration awaitTimeout;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  KitContext(
      Broker broker,
      java.util.function.UnaryOperator<Broker> reopener,
      String root,
      double timeScale,
      Duration awaitTimeout) {
    if (broker == null) {
      throw new IllegalStateException("openBroker() returned null; it must return an open broker");
    }
    this.reopener = reopener;
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("timeScale() must be > 0 but was " + timeScale);
    }
    this.broker = broker;
    this.root = Subject.of(root).value();
    this.token = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    this.timeScale = timeScale;
    this.awaitTimeout = awaitTimeout;
  }

  Broker broker() {
    return broker;
  }

  /** Closes the broker and opens it again with {@link BrokerCompatibilityKit#reopenBroker}. */
  Broker reopen() {
    close();
    subscriptions.clear();
    Broker reopened = reopener.apply(broker);
    if (reopened == null) {
      throw new IllegalStateException(
          "reopenBroker() returned null; it must return an open broker");
    }
    broker = reopened;
    return reopened;
  }

  /** {@code <root>.<token>.<suffix>}. */
  Subject subject(String suffix) {
    return Subject.of(root + "." + token + "." + suffix);
  }

  /** {@code <root>.<token>.<suffix>}, where the suffix may hold wildcards. */
  SubjectPattern pattern(String suffix) {
    return SubjectPattern.of(root + "." + token + "." + suffix);
  }

  /** A group name unique to this test. */
  String group(String name) {
    return name + "-" + token;
  }

  Subscription track(Subscription subscription) {
    subscriptions.add(subscription);
    return subscription;
  }

  /** {@code duration} stretched by the adapter's time scale. */
  Duration scaled(Duration duration) {
    return Duration.ofNanos(Math.round(duration.toNanos() * timeScale));
  }

  Duration awaitTimeout() {
    return awaitTimeout;
  }

  @Override
  public void close() {
    for (Subscription subscription : subscriptions) {
      try {
        subscription.close();
      } catch (RuntimeException ignored) {
        // the broker may already be closed; closing it below releases everything
      }
    }
    broker.close();
  }
}
