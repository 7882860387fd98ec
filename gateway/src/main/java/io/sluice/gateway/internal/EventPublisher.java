package io.sluice.gateway.internal;

import io.opentelemetry.api.trace.Span;
import io.sluice.broker.AckMode;
import io.sluice.broker.PublishReceipt;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.identity.Identity;
import io.sluice.subject.Subject;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The last two stages shared by single and batch publishes: stamp what the gateway vouches for onto
 * the event (identity, trace, idempotency key), then hand it to the broker within the in-flight
 * bound and the publish timeout.
 */
final class EventPublisher {
  static final String ACK_HEADER = "Sluice-Ack";

  private final Services services;

  EventPublisher(Services services) {
    this.services = services;
  }

  /** The caller's ack mode ({@code ?ack=} or {@code Sluice-Ack}), else the configured one. */
  AckMode ackMode(HttpServerRequest request, Subject subject) {
    String asked =
        Optional.ofNullable(request.getParam("ack")).orElse(request.getHeader(ACK_HEADER));
    if (asked == null) {
      return services.config().publish().ackFor(subject);
    }
    if (!asked.equals("durable") && !asked.equals("none")) {
      throw Problems.fail(
          Problems.invalidParameter("ack", "ack must be durable or none but was '" + asked + "'"));
    }
    return ConfigLoader.ackMode(asked);
  }

  /**
   * Overwrites {@code authtype}/{@code authid} with the verified identity, continues the trace and
   * carries the idempotency key; building re-validates every attribute.
   */
  CloudEvent stamp(
      CloudEvent event, Identity identity, Span span, String tracestate, Optional<String> key) {
    return stamp(event.toBuilder(), identity, span, tracestate, key);
  }

  /** Stamps an event not yet built, and builds it: one validation for both. */
  CloudEvent stamp(
      CloudEvent.Builder draft,
      Identity identity,
      Span span,
      String tracestate,
      Optional<String> key) {
    CloudEvent.Builder b =
        draft
            .extension(Extensions.AUTH_TYPE, identity.authType())
            .extension(Extensions.AUTH_ID, identity.id());
    Tracing.traceparent(span)
        .ifPresent(
            tp ->
                b.extension(Extensions.TRACEPARENT, tp)
                    .extension(Extensions.TRACESTATE, emptyToNull(tracestate)));
    key.ifPresent(k -> b.extension(Extensions.IDEMPOTENCY_KEY, k));
    return b.build();
  }

  CompletableFuture<PublishReceipt> publish(Subject subject, CloudEvent event, AckMode ackMode) {
    if (!services.broker().state().isReady()) {
      throw Problems.fail(
          Problems.brokerUnavailable(
              "the broker connection is " + services.broker().state().name().toLowerCase()));
    }
    InFlightGate gate = services.inFlight();
    if (!gate.tryEnter()) {
      throw Problems.fail(Problems.overloaded());
    }
    long timeout = services.config().limits().publishTimeout().toMillis();
    return services
        .broker()
        .publish(subject, event, ackMode)
        .toCompletableFuture()
        .orTimeout(timeout, TimeUnit.MILLISECONDS)
        .whenComplete((r, e) -> gate.exit());
  }

  static Map<String, Object> receipt(PublishReceipt r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", r.eventId());
    json.put("subject", r.subject().value());
    json.put("stream", r.stream().orElse(null));
    json.put("partition", r.partition().isPresent() ? r.partition().getAsInt() : null);
    json.put("sequence", r.sequence().isPresent() ? r.sequence().getAsLong() : null);
    json.put("duplicate", r.duplicate());
    json.put("ackMode", r.ackMode() == AckMode.DURABLE ? "durable" : "none");
    return json;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
