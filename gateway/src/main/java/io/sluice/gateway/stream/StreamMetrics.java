package io.sluice.gateway.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** Open streams, events delivered and overflow disconnects, per transport (sse, websocket). */
final class StreamMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger active = new AtomicInteger();

  StreamMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("sluice.streams.active", active, AtomicInteger::get)
        .description("SSE and WebSocket streams currently open")
        .register(registry);
  }

  void opened() {
    active.incrementAndGet();
  }

  void closed() {
    active.decrementAndGet();
  }

  void delivered(String transport) {
    counter("sluice.stream.events", "Events written to stream clients", transport).increment();
  }

  void overflowed(String transport) {
    counter("sluice.stream.overflows", "Streams closed because the client fell behind", transport)
        .increment();
  }

  private Counter counter(String name, String description, String transport) {
    return Counter.builder(name)
        .description(description)
        .tag("transport", transport)
        .register(registry);
  }
}
