package io.sluice.gateway.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerEvent;
import io.sluice.broker.BrokerListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The gateway's meters. Publish outcomes come from the broker's {@link BrokerEvent}s (this is a
 * {@link BrokerListener}); HTTP requests and denials are recorded by the routes.
 */
public final class GatewayMetrics implements BrokerListener {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<RequestKey, Timer> requests = new ConcurrentHashMap<>();

  /** The tags of one request timer; a found timer costs a map lookup, not a registration. */
  private record RequestKey(String route, String method, int status) {}

  @Override
  public void on(BrokerEvent event) {
    switch (event) {
      case BrokerEvent.Published p -> {
        publishes(p.receipt().duplicate() ? "duplicate" : "published").increment();
        Timer.builder("sluice.publish.latency")
            .description("Time from handing an event to the broker until its receipt")
            .publishPercentileHistogram()
            .register(registry)
            .record(p.took());
      }
      case BrokerEvent.PublishFailed f -> publishes("failed").increment();
      default -> {}
    }
  }

  void bindBroker(Broker broker, IntSupplier inFlight) {
    Gauge.builder("sluice.broker.connected", broker, b -> b.state().isReady() ? 1 : 0)
        .description("1 when the broker connection is ready, else 0")
        .register(registry);
    Gauge.builder("sluice.publish.in.flight", inFlight, IntSupplier::getAsInt)
        .description("Publishes awaiting a broker answer")
        .register(registry);
  }

  void request(String route, String method, int status, Duration took) {
    requests
        .computeIfAbsent(new RequestKey(route, method, status), this::requestTimer)
        .record(took);
  }

  private Timer requestTimer(RequestKey key) {
    return Timer.builder("sluice.http.requests")
        .description("HTTP requests by route, method and status")
        .tag("route", key.route())
        .tag("method", key.method())
        .tag("status", Integer.toString(key.status()))
        .publishPercentileHistogram()
        .register(registry);
  }

  void denied(String action, String reason) {
    Counter.builder("sluice.denials")
        .description("Requests refused by authentication, policy or rate limits")
        .tag("action", action)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** The registry behind {@code /metrics}, for meters kept by other packages. */
  public MeterRegistry registry() {
    return registry;
  }

  String scrape() {
    return registry.scrape();
  }

  private Counter publishes(String outcome) {
    return Counter.builder("sluice.publishes")
        .description("Publishes by outcome as reported by the broker")
        .tag("outcome", outcome)
        .register(registry);
  }
}
