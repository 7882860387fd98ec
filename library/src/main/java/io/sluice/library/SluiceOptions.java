package io.sluice.library;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link Sluice} client.
 *
 * @param source the CloudEvents {@code source} of published events, e.g. {@code /services/users}
 * @param meterRegistry where per-subscription metrics go (default: Micrometer's global registry)
 * @param openTelemetry tracing API the caller configured (default: no-op)
 * @param clock the clock for event {@code time} and latencies
 * @param listeners receivers of {@link SluiceEvent}s besides metrics and logs
 */
public record SluiceOptions(
    String source,
    MeterRegistry meterRegistry,
    OpenTelemetry openTelemetry,
    Clock clock,
    List<SluiceListener> listeners) {

  public SluiceOptions {
    Objects.requireNonNull(meterRegistry, "meterRegistry");
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    Objects.requireNonNull(clock, "clock");
    listeners = List.copyOf(listeners);
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(
          "source must be a non-empty URI-reference but was '" + source + "'");
    }
  }

  public static SluiceOptions defaults() {
    return new SluiceOptions(
        "/sluice", Metrics.globalRegistry, OpenTelemetry.noop(), Clock.systemUTC(), List.of());
  }

  public SluiceOptions withSource(String source) {
    return new SluiceOptions(source, meterRegistry, openTelemetry, clock, listeners);
  }

  public SluiceOptions withMeterRegistry(MeterRegistry meterRegistry) {
    return new SluiceOptions(source, meterRegistry, openTelemetry, clock, listeners);
  }

  public SluiceOptions withOpenTelemetry(OpenTelemetry openTelemetry) {
    return new SluiceOptions(source, meterRegistry, openTelemetry, clock, listeners);
  }

  public SluiceOptions withClock(Clock clock) {
    return new SluiceOptions(source, meterRegistry, openTelemetry, clock, listeners);
  }

  public SluiceOptions withListener(SluiceListener listener) {
    List<SluiceListener> all = new ArrayList<>(listeners);
    all.add(Objects.requireNonNull(listener, "listener"));
    return new SluiceOptions(source, meterRegistry, openTelemetry, clock, all);
  }
}
