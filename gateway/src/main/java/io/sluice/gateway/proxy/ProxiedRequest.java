package io.sluice.gateway.proxy;

import io.sluice.gateway.identity.Identity;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** One request as it moves through the proxy: who, which subject, which instances were tried. */
final class ProxiedRequest {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  final RoutingContext ctx;
  final ProxyConfig.Route route;
  final String requestId;
  final long startNanos = System.nanoTime();
  final Set<Upstream> tried = new HashSet<>();
  String subject = "";
  Identity identity;
  String rule;
  boolean allowed;
  Upstream answered;

  /** The request to the instance being tried, reset when the caller goes away. */
  HttpClientRequest exchange;

  /** The caller's connection closed before its response ended. */
  boolean callerGone;

  /** The call's ending was recorded; it is recorded once. */
  boolean recorded;

  ProxiedRequest(RoutingContext ctx, ProxyConfig.Route route, String requestId) {
    this.ctx = ctx;
    this.route = route;
    this.requestId = requestId;
  }

  /** Marks the caller gone and aborts the upstream request, which frees its pooled connection. */
  void callerLeft() {
    callerGone = true;
    if (exchange != null) {
      exchange.reset();
    }
  }

  HttpServerRequest request() {
    return ctx.request();
  }

  String method() {
    return request().method().name();
  }

  boolean idempotent() {
    return IDEMPOTENT.contains(method());
  }

  /** No body to send, so the request can be replayed after an upstream has answered. */
  boolean bodyless() {
    String length = request().getHeader(HttpHeaders.CONTENT_LENGTH);
    return request().getHeader(HttpHeaders.TRANSFER_ENCODING) == null
        && (length == null || length.trim().equals("0"));
  }

  ProxyCall toCall(int status) {
    return new ProxyCall(
        requestId,
        Optional.ofNullable(identity).map(Identity::id),
        Optional.ofNullable(identity).map(Identity::type),
        route.name(),
        method(),
        request().path(),
        subject,
        Optional.ofNullable(answered).map(Upstream::label),
        status,
        Duration.ofNanos(System.nanoTime() - startNanos),
        Optional.ofNullable(rule),
        allowed,
        tried.size());
  }
}
