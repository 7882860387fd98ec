package io.sluice.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.broker.Broker;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.support.FailureLog;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each allowed call of a route with {@code emit} as an {@value #TYPE} CloudEvent: method,
 * path, route, upstream, status and latency as data; the verified caller as the {@code
 * authtype}/{@code authid} extensions; the request id as the event id; the gateway's span as {@code
 * traceparent}. Never a body, a header or a credential. Publishing starts after the response has
 * been sent; a failure is counted, logged (WARN once, then DEBUG) and reported to the caller of
 * {@link #emit} so that the audit record names it.
 */
final class CallEvents {
  static final String TYPE = "io.sluice.proxy.call";
  static final String SOURCE_PREFIX = "/sluice/proxy/";
  private static final long TIMEOUT_SECONDS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(CallEvents.class);

  private final Broker broker;
  private final ProxyMetrics metrics;
  private final Clock clock;
  private final FailureLog failures = new FailureLog(LOG);

  CallEvents(Broker broker, ProxyMetrics metrics, Clock clock) {
    this.broker = broker;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Publishes the call; completes with a receipt ({@code subject[/sequence]}), never throws. */
  CompletionStage<String> emit(ProxiedRequest p, ProxyCall call, String traceparent) {
    ProxyConfig.Emit emit = p.route.emit().orElseThrow();
    CompletableFuture<String> done;
    try {
      done =
          broker
              .publish(Subject.of(emit.subject()), event(p, call, traceparent), emit.ackMode())
              .toCompletableFuture()
              .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .thenApply(CallEvents::receipt);
    } catch (RuntimeException e) {
      done = CompletableFuture.failedFuture(e);
    }
    return done.whenComplete((r, e) -> failed(call, emit, e));
  }

  private void failed(ProxyCall call, ProxyConfig.Emit emit, Throwable e) {
    if (e == null) {
      return;
    }
    metrics.emitFailure(call.route());
    failures.warn(
        "could not emit proxied call {} of route {} to {}: {}",
        call.requestId(),
        call.route(),
        emit.subject(),
        reason(e));
  }

  static String reason(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  private CloudEvent event(ProxiedRequest p, ProxyCall call, String traceparent) {
    CloudEvent.Builder b =
        CloudEvent.builder()
            .id(call.requestId())
            .source(SOURCE_PREFIX + call.route())
            .type(TYPE)
            .subject(call.subject())
            .time(clock.instant())
            .data("application/json", data(call))
            .extension(Extensions.AUTH_TYPE, p.identity.authType())
            .extension(Extensions.AUTH_ID, p.identity.id());
    if (traceparent != null) {
      b.extension(Extensions.TRACEPARENT, traceparent);
    }
    return b.build();
  }

  private static byte[] data(ProxyCall call) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestId", call.requestId());
    data.put("route", call.route());
    data.put("method", call.method());
    data.put("path", call.path());
    data.put("upstream", call.upstream().orElse(null));
    data.put("status", call.status());
    data.put("latencyMicros", call.latency().toNanos() / 1000);
    data.put("attempts", call.attempts());
    data.put("rule", call.rule().orElse(null));
    try {
      return JSON.writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a proxied call could not be written as JSON", e);
    }
  }

  private static String receipt(PublishReceipt r) {
    return r.subject().value() + (r.sequence().isPresent() ? "/" + r.sequence().getAsLong() : "");
  }
}
