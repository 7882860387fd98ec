package io.sluice.gateway.stream;

import io.sluice.broker.Broker;
import io.sluice.broker.Delivery;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.subject.SubjectPattern;
import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.function.Predicate;

/**
 * One stream: a private broker subscription feeding a sink through a bounded buffer. Everything but
 * the broker callback runs on the connection's Vert.x context, so no locks and no thread per
 * stream. The subscription may hold at most {@code capacity} unacknowledged deliveries (each is
 * acknowledged once written to the socket); when all of them wait (queued, or handed to a
 * connection whose socket does not drain), the client has fallen behind and is disconnected with
 * the id to resume from.
 */
final class StreamSession {
  private final Context context;
  private final StreamSink sink;
  private final Predicate<String> allowedSubject;
  private final int capacity;
  private final StreamMetrics metrics;
  private final ArrayDeque<Delivery> buffer = new ArrayDeque<>();
  private Subscription subscription;
  private int unwritten;
  private String lastId;
  private boolean closed;

  StreamSession(
      Context context,
      StreamSink sink,
      Predicate<String> allowedSubject,
      int capacity,
      StreamMetrics metrics) {
    this.context = context;
    this.sink = sink;
    this.allowedSubject = allowedSubject;
    this.capacity = capacity;
    this.metrics = metrics;
  }

  /** Subscribes; {@code resumeFrom} is the id a client resumes after when nothing was written. */
  void start(Broker broker, SubjectPattern pattern, StartPosition start, String resumeFrom) {
    lastId = resumeFrom;
    SubscribeOptions options =
        SubscribeOptions.defaults().withStart(start).withMaxInFlight(capacity);
    subscription = broker.subscribe(pattern, options, d -> context.runOnContext(v -> offer(d)));
    metrics.opened();
    sink.onReady(this::pump);
    sink.onClosed(this::close);
  }

  private void offer(Delivery delivery) {
    if (closed) {
      return;
    }
    if (!allowedSubject.test(delivery.subject().value())) {
      delivery.ack();
      return;
    }
    buffer.add(delivery);
    pump();
    if (buffer.size() + unwritten >= capacity) {
      overflow();
    }
  }

  private void pump() {
    while (!closed && !buffer.isEmpty() && sink.ready()) {
      Delivery delivery = buffer.poll();
      lastId = idOf(delivery);
      unwritten++;
      sink.send(lastId, delivery.event())
          .onComplete(
              ar -> {
                unwritten--;
                if (ar.succeeded()) {
                  delivery.ack();
                  metrics.delivered(sink.transport());
                }
              });
    }
  }

  private void overflow() {
    String resumeId = resumeId();
    metrics.overflowed(sink.transport());
    close();
    sink.overflow(resumeId);
  }

  private String resumeId() {
    if (lastId != null) {
      return lastId;
    }
    Delivery first = buffer.peek();
    return first != null && first.sequence().isPresent()
        ? Long.toString(first.sequence().getAsLong() - 1)
        : "";
  }

  /** Stops the subscription; unwritten deliveries are left unacknowledged. Idempotent. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    buffer.clear();
    if (subscription != null) {
      subscription.close();
      metrics.closed();
    }
  }

  static String idOf(Delivery delivery) {
    return delivery.sequence().isPresent()
        ? Long.toString(delivery.sequence().getAsLong())
        : delivery.event().id();
  }
}
