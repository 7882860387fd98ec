package io.sluice.gateway.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * One span per request, continuing the caller's W3C {@code traceparent} when it sends one. The
 * span's own context is what the published event carries as its {@code traceparent}.
 */
final class Tracing {
  private static final TextMapGetter<HttpServerRequest> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
          return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
          return request == null ? null : request.getHeader(key);
        }
      };

  private final Tracer tracer;

  Tracing(OpenTelemetry otel) {
    this.tracer = otel.getTracer("io.sluice.gateway");
  }

  Span start(HttpServerRequest request, String route) {
    Context parent =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), request, HEADERS);
    return tracer
        .spanBuilder(request.method().name() + " " + route)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .startSpan();
  }

  /** The W3C {@code traceparent} for a span, or empty when tracing is a no-op. */
  static Optional<String> traceparent(Span span) {
    SpanContext sc = span.getSpanContext();
    if (!sc.isValid()) {
      return Optional.empty();
    }
    return Optional.of(
        "00-" + sc.getTraceId() + "-" + sc.getSpanId() + "-" + sc.getTraceFlags().asHex());
  }
}
