package io.sluice.gateway.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Meters of one push subscription, tagged {@code subscription=<name>}: deliveries by outcome
 * ({@code delivered}, {@code dead_lettered}, {@code denied}), attempts by result ({@code 2xx},
 * {@code 4xx}, {@code 5xx}, {@code timeout}, {@code error}), attempt latency, requests in flight
 * and whether the broker subscription is running ({@code sluice.push.up}).
 */
final class PushMetrics {
  private final MeterRegistry registry;
  private final String name;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger up = new AtomicInteger();
  private final Timer latency;

  PushMetrics(MeterRegistry registry, String name) {
    this.registry = registry;
    this.name = name;
    Gauge.builder("sluice.push.in.flight", inFlight, AtomicInteger::get)
        .description("Push requests waiting for the endpoint's answer")
        .tag("subscription", name)
        .register(registry);
    Gauge.builder("sluice.push.up", up, AtomicInteger::get)
        .description("1 while the push subscription's broker subscription runs, else 0")
        .tag("subscription", name)
        .register(registry);
    latency =
        Timer.builder("sluice.push.attempt.duration")
            .description("Time from sending a push request to the endpoint's answer or failure")
            .tag("subscription", name)
            .register(registry);
  }

  void up(boolean running) {
    up.set(running ? 1 : 0);
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void attempted(AttemptResult result, Duration took) {
    inFlight.decrementAndGet();
    latency.record(took);
    counter("sluice.push.attempts", "Push requests by result", "result", result.kind()).increment();
  }

  void outcome(String outcome) {
    counter("sluice.push.deliveries", "Push deliveries settled, by outcome", "outcome", outcome)
        .increment();
  }

  /** Removes this subscription's meters (after a delete). */
  void remove() {
    for (Meter meter : registry.getMeters()) {
      if (name.equals(meter.getId().getTag("subscription"))
          && meter.getId().getName().startsWith("sluice.push.")) {
        registry.remove(meter);
      }
    }
  }

  private Counter counter(String meter, String description, String tag, String value) {
    return Counter.builder(meter)
        .description(description)
        .tag("subscription", name)
        .tag(tag, value)
        .register(registry);
  }
}
