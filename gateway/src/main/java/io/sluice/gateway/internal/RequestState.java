package io.sluice.gateway.internal;

import io.opentelemetry.api.trace.Span;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** What the gateway learns about one request as it goes, for the response, logs and metrics. */
final class RequestState {
  private static final String KEY = "sluice.request";

  private final String requestId = UUID.randomUUID().toString();
  private final long startNanos = System.nanoTime();
  private String route;
  private final Span span;
  private String identityId;
  private String subject;
  private String eventId;
  private String correlationId;
  private String problemSlug;
  private String rule;
  private String upstream;
  private int attempts;
  private int callerGoneStatus;

  private RequestState(String route, Span span) {
    this.route = route;
    this.span = span;
  }

  static RequestState begin(RoutingContext ctx, String route, Span span) {
    RequestState state = new RequestState(route, span);
    ctx.put(KEY, state);
    return state;
  }

  /** The request's state; a request that reached no route gets one on the fly. */
  static RequestState of(RoutingContext ctx) {
    RequestState state = ctx.get(KEY);
    return state != null ? state : begin(ctx, "unmatched", Span.getInvalid());
  }

  String requestId() {
    return requestId;
  }

  long startNanos() {
    return startNanos;
  }

  String route() {
    return route;
  }

  /** Names the matched route, and the span after it. */
  void route(String method, String route) {
    this.route = route;
    span.updateName(method + " " + route);
  }

  Span span() {
    return span;
  }

  String identityId() {
    return identityId;
  }

  void identityId(String identityId) {
    this.identityId = identityId;
  }

  String subject() {
    return subject;
  }

  void subject(String subject) {
    this.subject = subject;
  }

  String eventId() {
    return eventId;
  }

  void eventId(String eventId) {
    this.eventId = eventId;
  }

  String correlationId() {
    return correlationId;
  }

  void correlationId(String correlationId) {
    this.correlationId = correlationId;
  }

  String problemSlug() {
    return problemSlug;
  }

  void problemSlug(String problemSlug) {
    this.problemSlug = problemSlug;
  }

  /** The policy rule that decided the request, or null. */
  String rule() {
    return rule;
  }

  void rule(String rule) {
    this.rule = rule;
  }

  /** The proxy instance that answered ({@code host:port}), or null. */
  String upstream() {
    return upstream;
  }

  /** How many proxy instances were tried; 0 when the request was not forwarded. */
  int attempts() {
    return attempts;
  }

  /** The status logged instead of the response's when the caller hung up first, or 0. */
  int callerGoneStatus() {
    return callerGoneStatus;
  }

  void callerGone(int status) {
    this.callerGoneStatus = status;
  }

  void forwarded(String upstream, int attempts) {
    this.upstream = upstream;
    this.attempts = attempts;
  }
}
