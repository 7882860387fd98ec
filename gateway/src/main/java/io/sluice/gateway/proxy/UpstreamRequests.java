package io.sluice.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds what is sent upstream: the target URI and the forwarded headers. */
final class UpstreamRequests {
  /** Hop-by-hop headers (RFC 9110 7.6.1), the host, and the credentials the gateway consumed. */
  private static final Set<String> NOT_FORWARDED =
      caseInsensitive(
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

  /** Set by the gateway alone: whatever the caller sent under these names is dropped. */
  private static final Set<String> GATEWAY_SET =
      caseInsensitive("x-forwarded-for", "x-forwarded-host", "x-forwarded-proto");

  private UpstreamRequests() {}

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(Set.of(names));
    return set;
  }

  /** Whether a header of the upstream's answer is passed on to the caller. */
  static boolean answerHeaderForwarded(String name) {
    return !NOT_FORWARDED.contains(name);
  }

  static RequestOptions options(ProxiedRequest p, Upstream upstream, MultiMap headers) {
    return new RequestOptions()
        .setMethod(p.request().method())
        .setHost(upstream.host())
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
      int prefix = withoutTrailingSlashes(p.route.pathPrefix()).length();
      path = path.substring(Math.min(prefix, path.length()));
    }
    String joined = upstream.basePath() + (path.startsWith("/") ? path : "/" + path);
    String query = p.request().query();
    return query == null ? joined : joined + "?" + query;
  }

  /**
   * The caller's headers less hop-by-hop, forgeable and forwarding ones, plus identity and
   * forwarding headers set by the gateway.
   */
  static MultiMap headers(ProxiedRequest p, String traceparent, String assertion) {
    HttpServerRequest request = p.request();
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (Map.Entry<String, String> h : request.headers()) {
      if (callerHeaderForwarded(h.getKey())) {
        out.add(h.getKey(), h.getValue());
      }
    }
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

  /** {@code s} without the slashes it ends with. */
  static String withoutTrailingSlashes(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }

  private static boolean callerHeaderForwarded(String name) {
    return !NOT_FORWARDED.contains(name)
        && !GATEWAY_SET.contains(name)
        && !IdentityHeaders.forgeable(name);
  }
}
