package io.sluice.gateway.audit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.audit.AuditLog;
import io.sluice.audit.AuditStats;
import java.util.function.ToDoubleFunction;

/** The audit log's counters as meters, read from {@link AuditLog#stats()} at scrape time. */
final class AuditMetrics {
  private AuditMetrics() {}

  static void bind(AuditLog log, MeterRegistry registry) {
    counter(registry, log, "written", "records committed to the audit store", AuditStats::written);
    counter(registry, log, "spooled", "entries written to the local spool", AuditStats::spooled);
    counter(registry, log, "refused", "entries refused (the request got 503)", AuditStats::refused);
    counter(
        registry, log, "failed", "accepted entries that could not be stored", AuditStats::failed);
    Gauge.builder("sluice.audit.queue.depth", log, l -> l.stats().queueDepth())
        .description("audit entries waiting in memory")
        .register(registry);
    Gauge.builder("sluice.audit.accepting", log, l -> l.isAccepting() ? 1 : 0)
        .description("1 while the audit log accepts entries")
        .register(registry);
  }

  private static void counter(
      MeterRegistry registry,
      AuditLog log,
      String name,
      String description,
      ToDoubleFunction<AuditStats> value) {
    FunctionCounter.builder(
            "sluice.audit.records." + name, log, l -> value.applyAsDouble(l.stats()))
        .description(description)
        .register(registry);
  }
}
