package io.sluice.audit;

import org.slf4j.Logger;

/** Logs the first failure of a streak at WARN and the rest at DEBUG; recovery at INFO. */
final class FailureLog {
  private final Logger log;
  private boolean failing;

  FailureLog(Logger log) {
    this.log = log;
  }

  synchronized void failed(String what, Exception e) {
    if (!failing) {
      log.warn("{}: {}", what, e.getMessage());
      failing = true;
    } else {
      log.debug("{} (still failing): {}", what, e.getMessage());
    }
  }

  synchronized void recovered(String what) {
    if (failing) {
      log.info(what);
      failing = false;
    }
  }
}
