package io.sluice.broker;

import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A connection to a message broker, chosen by URL the way JDBC chooses a driver.
 *
 * <p>Every adapter honours the same semantics, checked by the broker compatibility kit. Operations
 * are asynchronous and never block the caller's thread; failures complete the stage exceptionally
 * with a {@link BrokerException}. A broker lives for the life of the process: connected when
 * returned by {@link #connect}, reconnected on failure, drained and closed by {@link #close()}.
 */
public interface Broker extends AutoCloseable {

  /** Connects to the broker the URL names ({@code mem:}, {@code nats://…}, {@code embedded:…}). */
  static Broker connect(String url) {
    return connect(BrokerSpec.of(url));
  }

  /** Connects with settings and listeners beyond the URL. */
  static Broker connect(BrokerSpec spec) {
    return BrokerProviders.open(spec);
  }

  /** The URL this broker was opened with, with any password removed. */
  String url();

  /** What this broker can do; callers adapt, and the compatibility kit skips what is absent. */
  Set<Capability> capabilities();

  default boolean has(Capability capability) {
    return capabilities().contains(capability);
  }

  /**
   * Publishes one event to a subject. With {@link AckMode#DURABLE} the stage completes only once
   * the broker has persisted the event; with {@link AckMode#FIRE_AND_FORGET} once it has been
   * handed to the connection. An event carrying {@code idempotencykey} that repeats a key seen
   * within the de-duplication window completes with a receipt whose {@code duplicate()} is true and
   * is not delivered again.
   */
  CompletionStage<PublishReceipt> publish(Subject subject, CloudEvent event, AckMode ackMode);

  /**
   * Starts delivering events whose subject matches {@code pattern} to {@code handler}. Deliveries
   * for one subscription are handed to the handler one at a time, in order, up to {@link
   * SubscribeOptions#maxInFlight()} unacknowledged. A handler that throws has the delivery nacked.
   */
  Subscription subscribe(SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler);

  /**
   * Sends {@code request} and completes with the first reply, or fails with {@link
   * RequestTimeoutException} after {@code timeout}, or {@link NoRespondersException} when the
   * broker knows that nobody listens.
   */
  CompletionStage<CloudEvent> request(Subject subject, CloudEvent request, Duration timeout);

  /** The connection's state, for readiness checks. */
  ConnectionState state();

  /**
   * Stops accepting new work, lets in-flight publishes and deliveries finish (at most {@code
   * timeout}), then closes.
   */
  CompletionStage<Void> drain(Duration timeout);

  /** Closes at once; pending operations fail with {@link BrokerClosedException}. Idempotent. */
  @Override
  void close();
}
