package io.sluice.broker.support;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/** Logs the first of a subscription's repeated failures at WARN and the rest at DEBUG. */
public final class FailureLog {
  private final Logger log;
  private final AtomicBoolean warned = new AtomicBoolean();

  public FailureLog(Logger log) {
    this.log = log;
  }

  /** WARN the first time, DEBUG after. */
  public void warn(String format, Object... arguments) {
    if (warned.compareAndSet(false, true)) {
      log.warn(format, arguments);
    } else {
      log.debug(format, arguments);
    }
  }
}
