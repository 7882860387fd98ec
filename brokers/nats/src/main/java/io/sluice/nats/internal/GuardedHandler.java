package io.sluice.nats.internal;

import io.sluice.broker.Delivery;
import io.sluice.broker.DeliveryHandler;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the user's handler so that a throw nacks the delivery and never stops the subscription. The
 * first failure of a subscription is logged at WARN, later ones at DEBUG.
 */
final class GuardedHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedHandler.class);

  private final DeliveryHandler handler;
  private final SubjectPattern pattern;
  private final AtomicBoolean warned = new AtomicBoolean();

  GuardedHandler(DeliveryHandler handler, SubjectPattern pattern) {
    this.handler = handler;
    this.pattern = pattern;
  }

  void deliver(Delivery delivery) {
    try {
      handler.onDelivery(delivery);
    } catch (Exception | LinkageError e) {
      log("handler for '{}' threw on event {}; nacking it", delivery.event().id(), e);
      delivery.nack(Duration.ZERO);
    }
  }

  /** An incoming message that is not a CloudEvent; it can never be handled. */
  void undecodable(String subject, RuntimeException e) {
    log("message on '{}' is not a CloudEvent, dropping it: {}", subject, e);
  }

  /** A consumer could not be resumed after a reconnect yet. */
  void resumeFailed(int attempt, Exception e) {
    LOG.debug("resuming the consumer of '{}' failed (attempt {})", pattern, attempt, e);
  }

  private void log(String format, String what, Throwable e) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn(format, pattern, what, e);
    } else {
      LOG.debug(format, pattern, what, e);
    }
  }
}
