package io.sluice.library.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.library.SluiceEvent;
import io.sluice.library.SluiceListener;

/**
 * Turns {@link SluiceEvent}s into Micrometer meters tagged with the subscription: {@code
 * sluice.handler.handled}, {@code .failed}, {@code .retried}, {@code .deadlettered}, {@code
 * .duplicates} counters and the {@code sluice.handler.latency} timer; {@code
 * sluice.publisher.published} counts publishes by subject.
 */
final class MetricsListener implements SluiceListener {
  private final MeterRegistry registry;

  MetricsListener(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void on(SluiceEvent event) {
    if (event instanceof SluiceEvent.Published p) {
      registry.counter("sluice.publisher.published", "subject", p.subject().value()).increment();
    } else if (event instanceof SluiceEvent.Handled h) {
      count("handled", h.subscription());
      registry
          .timer("sluice.handler.latency", "subscription", h.subscription())
          .record(h.latency());
    } else if (event instanceof SluiceEvent.Failed f) {
      count("failed", f.subscription());
    } else if (event instanceof SluiceEvent.Retried r) {
      count("retried", r.subscription());
    } else if (event instanceof SluiceEvent.DeadLettered d) {
      count("deadlettered", d.subscription());
    } else if (event instanceof SluiceEvent.DuplicateSkipped d) {
      count("duplicates", d.subscription());
    }
  }

  private void count(String what, String subscription) {
    registry.counter("sluice.handler." + what, "subscription", subscription).increment();
  }
}
