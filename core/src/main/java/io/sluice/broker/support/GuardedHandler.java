package io.sluice.broker.support;

import io.sluice.broker.Delivery;
import io.sluice.broker.DeliveryHandler;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a subscriber's handler so that a throw nacks the delivery and never stops the subscription.
 * The first failure of a subscription is logged at WARN, later ones at DEBUG.
 */
public final class GuardedHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedHandler.class);

  private final DeliveryHandler handler;
  private final SubjectPattern pattern;
  private final String undecodableOutcome;
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param undecodableOutcome what the adapter does with a message that is not a CloudEvent, for
   *     the log line ("acknowledging it", "rejecting it")
   */
  public GuardedHandler(
      DeliveryHandler handler, SubjectPattern pattern, String undecodableOutcome) {
    this.handler = handler;
    this.pattern = pattern;
    this.undecodableOutcome = undecodableOutcome;
  }

  public SubjectPattern pattern() {
    return pattern;
  }

  /** Hands the delivery to the handler; a throw nacks it for immediate redelivery. */
  public void deliver(Delivery delivery) {
    try {
      handler.onDelivery(delivery);
    } catch (Exception | LinkageError e) {
      log("handler for '{}' threw on event {}; nacking it", delivery.event().id(), e);
      delivery.nack(Duration.ZERO);
    }
  }

  /** Reports an incoming message that is not a CloudEvent; it can never be handled. */
  public void undecodable(String subject, RuntimeException e) {
    log("message on '{}' is not a CloudEvent, " + undecodableOutcome + ": {}", subject, e);
  }

  private void log(String format, String what, Throwable e) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn(format, pattern, what, e.toString());
      LOG.debug("handler failure", e);
    } else {
      LOG.debug(format, pattern, what, e);
    }
  }
}
