package io.sluice.nats.internal;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusException;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerException;
import io.sluice.broker.BrokerUnavailableException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Translates jnats failures into Sluice's broker exceptions. */
final class Failures {
  private Failures() {}

  /** The cause behind the wrappers futures add. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** True when the server answered "no responders" (status 503) to a request. */
  static boolean isNoResponders(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof JetStreamStatusException s) {
        return s.getStatus() != null && s.getStatus().getCode() == 503;
      }
      String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      if (c instanceof IOException && (m.contains("503") || m.contains("no responders"))) {
        return true;
      }
    }
    return false;
  }

  static boolean isTimeout(Throwable t) {
    return unwrap(t) instanceof TimeoutException;
  }

  /** True when jnats refused because the connection is closed. */
  static boolean isClosed(Throwable t) {
    Throwable c = unwrap(t);
    return c instanceof IllegalStateException
        && c.getMessage() != null
        && c.getMessage().toLowerCase(Locale.ROOT).contains("closed");
  }

  /** Any other failure talking to the server, with what was being done. */
  static BrokerException of(String doing, Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof BrokerException e) {
      return e;
    }
    if (isClosed(c)) {
      return new BrokerClosedException("NATS connection is closed; cannot " + doing);
    }
    if (c instanceof JetStreamApiException api) {
      return new BrokerUnavailableException(
          "JetStream refused to " + doing + ": " + api.getErrorDescription(), api);
    }
    return new BrokerUnavailableException(
        "NATS failed to " + doing + ": " + c.getClass().getSimpleName() + ": " + c.getMessage(), c);
  }
}
