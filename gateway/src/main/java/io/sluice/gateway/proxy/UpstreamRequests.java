package io.sluice.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Locale;

/** Builds what is sent upstream: the target URI and the forwarded headers. */
final class UpstreamRequests {
  /** Hop-by-hop headers (RFC 9110 7.6.1), the host, and the credentials the gateway consumed. */
  static final List<String> NOT_FORWARDED =
      List.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "authorization",
          "x-api-key");

  private UpstreamRequests() {}

  static RequestOptions options(ProxiedRequest p, Upstream upstream, MultiMap headers) {
    return new RequestOptions()
        .setMethod(HttpMethod.valueOf(p.method()))
        .setHost(upstream.uri().getHost())
        .setPort(upstream.port())
        .setSsl(upstream.secure())
        .setURI(uri(p, upstream))
        .setHeaders(headers)
        .setIdleTimeout(p.route.timeout().toMillis());
  }

  /**
   * The upstream's base path, then the request path (less the prefix when stripped), then the
   * query.
   */
  static String uri(ProxiedRequest p, Upstream upstream) {
    String path = p.request().path();
    if (p.route.stripPrefix()) {
      String prefix = p.route.pathPrefix().replaceAll("/+$", "");
      path = path.substring(Math.min(prefix.length(), path.length()));
    }
    String base = upstream.uri().getRawPath() == null ? "" : upstream.uri().getRawPath();
    String joined = base.replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path);
    String query = p.request().query();
    return query == null ? joined : joined + "?" + query;
  }

  /**
   * The caller's headers less hop-by-hop and forgeable ones, plus identity and forwarding headers.
   */
  static MultiMap headers(ProxiedRequest p, String traceparent, String assertion) {
    HttpServerRequest request = p.request();
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    request
        .headers()
        .forEach(
            h -> {
              if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                out.add(h.getKey(), h.getValue());
              }
            });
    IdentityHeaders.stripForgeable(out);
    out.remove("X-Forwarded-For");
    out.remove("X-Forwarded-Host");
    out.remove("X-Forwarded-Proto");
    IdentityHeaders.set(out, p.identity, p.requestId);
    if (traceparent != null) {
      out.set("traceparent", traceparent);
    }
    if (assertion != null) {
      out.set(IdentityHeaders.ASSERTION, assertion);
    }
    if (request.remoteAddress() != null) {
      out.set("X-Forwarded-For", request.remoteAddress().hostAddress());
    }
    String host = request.getHeader(HttpHeaders.HOST);
    if (host != null) {
      out.set("X-Forwarded-Host", host);
    }
    out.set("X-Forwarded-Proto", request.isSSL() ? "https" : "http");
    return out;
  }
}
