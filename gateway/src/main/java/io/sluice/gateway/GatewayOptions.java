package io.sluice.gateway;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.sluice.gateway.idempotency.IdempotencyStore;
import io.sluice.gateway.proxy.ProxyListener;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What a gateway is given besides its configuration: the OpenTelemetry instance its spans go to,
 * the clock, and the idempotency store (by default a bounded in-memory one sized by {@code
 * idempotency.*}), and the listener told of every proxied call.
 */
public record GatewayOptions(
    OpenTelemetry openTelemetry,
    Clock clock,
    Optional<IdempotencyStore> idempotencyStore,
    ProxyListener proxyListener) {

  public GatewayOptions {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(idempotencyStore, "idempotencyStore");
    Objects.requireNonNull(proxyListener, "proxyListener");
  }

  /** A tracer that creates and propagates spans without exporting them, the UTC clock. */
  public static GatewayOptions defaults() {
    OpenTelemetry otel =
        OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
    return new GatewayOptions(otel, Clock.systemUTC(), Optional.empty(), ProxyListener.none());
  }

  public GatewayOptions withOpenTelemetry(OpenTelemetry openTelemetry) {
    return new GatewayOptions(openTelemetry, clock, idempotencyStore, proxyListener);
  }

  public GatewayOptions withClock(Clock clock) {
    return new GatewayOptions(openTelemetry, clock, idempotencyStore, proxyListener);
  }

  public GatewayOptions withIdempotencyStore(IdempotencyStore store) {
    return new GatewayOptions(openTelemetry, clock, Optional.of(store), proxyListener);
  }

  /** Receives every proxied call (the audit integration's hook). */
  public GatewayOptions withProxyListener(ProxyListener listener) {
    return new GatewayOptions(openTelemetry, clock, idempotencyStore, listener);
  }
}
