package io.sluice.broker.memory;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/** Logs the first failure at WARN and every later one at DEBUG, so a bad handler cannot flood. */
final class WarnThenDebugLogger {
  private final Logger logger;
  private final AtomicBoolean warned = new AtomicBoolean();

  WarnThenDebugLogger(Logger logger) {
    this.logger = logger;
  }

  void log(String message, Throwable failure) {
    if (warned.compareAndSet(false, true)) {
      logger.warn(message + " (further failures are logged at DEBUG)", failure);
    } else {
      logger.debug(message, failure);
    }
  }
}
