package io.sluice.gateway.push;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Logs an endpoint's failures without flooding: the first failure of a streak at WARN, the rest at
 * DEBUG, until a delivery succeeds again. Lines name the subscription and subject, never the
 * secret, body or signature.
 */
final class FailureLog {
  private final Logger log;
  private final String subscription;
  private final AtomicBoolean failing = new AtomicBoolean();

  FailureLog(Logger log, String subscription) {
    this.log = log;
    this.subscription = subscription;
  }

  void failed(String subject, String failure) {
    if (failing.compareAndSet(false, true)) {
      log.atWarn()
          .addKeyValue("subscription", subscription)
          .addKeyValue("subject", subject)
          .log(
              "push delivery failed ({}); further failures log at DEBUG until one succeeds",
              failure);
    } else {
      log.atDebug()
          .addKeyValue("subscription", subscription)
          .addKeyValue("subject", subject)
          .log("push delivery failed ({})", failure);
    }
  }

  void recovered() {
    if (failing.compareAndSet(true, false)) {
      log.atInfo().addKeyValue("subscription", subscription).log("push deliveries succeed again");
    }
  }
}
