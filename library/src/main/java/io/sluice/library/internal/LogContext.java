package io.sluice.library.internal;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import org.slf4j.MDC;

/** Puts the event's type, id and correlation id in the SLF4J MDC while it is handled. */
final class LogContext implements AutoCloseable {
  static final String EVENT_TYPE = "eventType";
  static final String EVENT_ID = "eventId";
  static final String CORRELATION_ID = "correlationId";

  private LogContext() {}

  static LogContext of(CloudEvent event) {
    MDC.put(EVENT_TYPE, event.type());
    MDC.put(EVENT_ID, event.id());
    event.extensionAsString(Extensions.CORRELATION_ID).ifPresent(c -> MDC.put(CORRELATION_ID, c));
    return new LogContext();
  }

  @Override
  public void close() {
    MDC.remove(EVENT_TYPE);
    MDC.remove(EVENT_ID);
    MDC.remove(CORRELATION_ID);
  }
}
