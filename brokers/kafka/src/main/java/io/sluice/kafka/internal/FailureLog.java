package io.sluice.kafka.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/** Logs the first of a subscription's repeated failures at WARN and the rest at DEBUG. */
final class FailureLog {
  private final Logger log;
  private final AtomicBoolean warned = new AtomicBoolean();

  FailureLog(Logger log) {
    this.log = log;
  }

  void warn(String format, Object... arguments) {
    if (warned.compareAndSet(false, true)) {
      log.warn(format, arguments);
    } else {
      log.debug(format, arguments);
    }
  }
}
