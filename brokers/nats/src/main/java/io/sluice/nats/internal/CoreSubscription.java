package io.sluice.nats.internal;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.GuardedHandler;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A core NATS subscription, plain or in a queue group (the group name), on its own dispatcher so
 * deliveries reach the handler one at a time, in order.
 */
final class CoreSubscription implements Subscription {
  private final Connection connection;
  private final SubjectPattern pattern;
  private final String group;
  private final GuardedHandler handler;
  private final Dispatcher dispatcher;
  private final AtomicBoolean active = new AtomicBoolean(true);

  private CoreSubscription(
      Connection connection, SubjectPattern pattern, String group, GuardedHandler handler) {
    this.connection = connection;
    this.pattern = pattern;
    this.group = group;
    this.handler = handler;
    this.dispatcher = connection.createDispatcher(this::onMessage);
  }

  /** Subscribes and waits until the server has registered the interest. */
  static CoreSubscription start(
      Connection connection, SubjectPattern pattern, String group, GuardedHandler handler) {
    return listen(connection, pattern, pattern.value(), group, handler);
  }

  /** Listens for requests to a pattern that lies in a stream, in the request namespace. */
  static CoreSubscription requestsTo(
      Connection connection, SubjectPattern pattern, String group, GuardedHandler handler) {
    return listen(
        connection, pattern, RequestSubjects.inRequestNamespace(pattern.value()), group, handler);
  }

  private static CoreSubscription listen(
      Connection connection,
      SubjectPattern pattern,
      String natsSubject,
      String group,
      GuardedHandler handler) {
    CoreSubscription s = new CoreSubscription(connection, pattern, group, handler);
    if (group == null) {
      s.dispatcher.subscribe(natsSubject);
    } else {
      s.dispatcher.subscribe(natsSubject, group);
    }
    s.flush();
    return s;
  }

  private void onMessage(Message message) {
    Inbound.deliver(message, handler, event -> new CoreDelivery(connection, message, event));
  }

  private void flush() {
    try {
      connection.flush(Duration.ofSeconds(5));
    } catch (Exception e) {
      // the interest is registered on reconnect; deliveries start then
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public SubjectPattern pattern() {
    return pattern;
  }

  @Override
  public Optional<String> group() {
    return Optional.ofNullable(group);
  }

  @Override
  public boolean isActive() {
    return active.get();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    if (!active.compareAndSet(true, false)) {
      return CompletableFuture.completedFuture(null);
    }
    try {
      return dispatcher
          .drain(timeout)
          .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
          .handle((ok, e) -> null);
    } catch (Exception e) {
      closeDispatcher();
      return CompletableFuture.completedFuture(null);
    }
  }

  @Override
  public void close() {
    if (active.compareAndSet(true, false)) {
      closeDispatcher();
    }
  }

  private void closeDispatcher() {
    try {
      connection.closeDispatcher(dispatcher);
    } catch (IllegalStateException e) {
      // the connection is already closed, which ends the dispatcher too
    }
  }
}
