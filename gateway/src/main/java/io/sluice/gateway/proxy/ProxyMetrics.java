package io.sluice.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proxy meters by route and upstream: requests and latency, upstream errors, ejections, retries and
 * failed call events.
 */
final class ProxyMetrics {
  private final MeterRegistry registry;
  private final Map<CallKey, Timer> calls = new ConcurrentHashMap<>();

  /** The tags of one request timer; a found timer costs a map lookup, not a registration. */
  private record CallKey(String route, String upstream, int status) {}

  ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void call(ProxyCall call) {
    CallKey key = new CallKey(call.route(), call.upstream().orElse("none"), call.status());
    calls.computeIfAbsent(key, this::callTimer).record(call.latency());
  }

  private Timer callTimer(CallKey key) {
    return Timer.builder("sluice.proxy.requests")
        .description("Proxied requests by route, upstream and status")
        .tag("route", key.route())
        .tag("upstream", key.upstream())
        .tag("status", Integer.toString(key.status()))
        .publishPercentileHistogram()
        .register(registry);
  }

  void upstreamError(String route, Upstream upstream, String kind) {
    Counter.builder("sluice.proxy.upstream.errors")
        .description("Connect failures, timeouts and 5xx answers from upstream instances")
        .tag("route", route)
        .tag("upstream", upstream.label())
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  void ejection(String pool, Upstream upstream) {
    Counter.builder("sluice.proxy.ejections")
        .description("Upstream instances taken out of their pool as unhealthy")
        .tag("pool", pool)
        .tag("upstream", upstream.label())
        .register(registry)
        .increment();
  }

  void retry(String route) {
    Counter.builder("sluice.proxy.retries")
        .description("Idempotent requests retried on another instance")
        .tag("route", route)
        .register(registry)
        .increment();
  }

  void emitFailure(String route) {
    Counter.builder("sluice.proxy.emit.failures")
        .description("Proxied calls whose CloudEvent could not be published")
        .tag("route", route)
        .register(registry)
        .increment();
  }
}
