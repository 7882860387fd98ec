package io.sluice.library.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.library.SluiceEvent;

/**
 * Turns {@link SluiceEvent}s into Micrometer meters tagged with the subscription: {@code
 * sluice.handler.handled}, {@code .failed}, {@code .retried}, {@code .deadlettered}, {@code
 * .duplicates} counters and the {@code sluice.handler.latency} timer; {@code
 * sluice.publisher.published} counts publishes by subject.
 */
final class MetricsListener implements io.sluice.library.SluiceListener {
  private final MeterRegistry registry;

  MetricsListener(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void on(SluiceEvent event) {
    switch (event) {
      case SluiceEvent.Published p ->
          registry.counter("sluice.publisher.published", "subject", p.subject().value()).increment();
      case SluiceEvent.Handled h -> {
        count("handled", h.subscription());
        registry.timer("sluice.handler.latency", "subscription", h.subscription())
            .record(h.latency());
      }
      case SluiceEvent.Failed f -> count("failed", f.subscription());
      case SluiceEvent.Retried r -> count("retried", r.subscription());
      case SluiceEvent.DeadLettered d -> count("deadlettered", d.subscription());
      case SluiceEvent.DuplicateSkipped d -> count("duplicates", d.subscription());
    }
  }

  private void count(String what, String subscription) {
    registry.counter("sluice.handler." + what, "subscription", subscription).increment();
  }
}
