package io.sluice.gateway.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One structured line per request on the {@code io.sluice.gateway.access} logger. The key-value
 * pairs become JSON members with logback's JsonEncoder. Credentials are never among them.
 */
final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.sluice.gateway.access");

  private AccessLog() {}

  static void record(RequestState state, String method, String route, int status, long micros) {
    LoggingEventBuilder line =
        LOG.atInfo()
            .addKeyValue("requestId", state.requestId())
            .addKeyValue("method", method)
            .addKeyValue("route", route)
            .addKeyValue("status", status)
            .addKeyValue("latencyMs", micros / 1000.0);
    addIfSet(line, "identityId", state.identityId());
    addIfSet(line, "subject", state.subject());
    addIfSet(line, "eventId", state.eventId());
    addIfSet(line, "correlationId", state.correlationId());
    addIfSet(line, "problem", state.problemSlug());
    addIfSet(line, "rule", state.rule());
    if (state.attempts() > 0) {
      line.addKeyValue("upstream", state.upstream() == null ? "none" : state.upstream());
      line.addKeyValue("attempts", state.attempts());
    }
    line.log("request");
  }

  private static void addIfSet(LoggingEventBuilder line, String key, String value) {
    if (value != null) {
      line.addKeyValue(key, value);
    }
  }
}
