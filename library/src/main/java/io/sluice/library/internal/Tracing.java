package io.sluice.library.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spans for publishing and handling, with W3C trace context carried in the CloudEvents {@code
 * traceparent} and {@code tracestate} extensions.
 */
public final class Tracing {
  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<CloudEvent> FROM_EVENT = new ExtensionGetter();

  private final Tracer tracer;

  public Tracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("io.sluice.library");
  }

  /** A producer span, child of the caller's current span. */
  public Span startPublish(String subject, String eventType) {
    return tracer
        .spanBuilder("publish " + subject)
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.destination.name", subject)
        .setAttribute("cloudevents.event_type", eventType)
        .startSpan();
  }

  /** The trace context of {@code span} as extension attributes. */
  public Map<String, String> contextOf(Span span) {
    Map<String, String> carrier = new HashMap<>();
    W3C.inject(Context.current().with(span), carrier, Map::put);
    return carrier;
  }

  /** A consumer span continuing the publisher's trace from the event's {@code traceparent}. */
  public Span startHandle(CloudEvent event, String subscription) {
    Context parent = W3C.extract(Context.root(), event, FROM_EVENT);
    return tracer
        .spanBuilder("process " + event.type())
        .setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute("messaging.consumer.group.name", subscription)
        .setAttribute("cloudevents.event_id", event.id())
        .setAttribute("cloudevents.event_type", event.type())
        .startSpan();
  }

  private static final class ExtensionGetter implements TextMapGetter<CloudEvent> {
    @Override
    public Iterable<String> keys(CloudEvent carrier) {
      return List.of(Extensions.TRACEPARENT, Extensions.TRACESTATE);
    }

    @Override
    public String get(CloudEvent carrier, String key) {
      return carrier == null ? null : carrier.extensionAsString(key).orElse(null);
    }
  }
}
