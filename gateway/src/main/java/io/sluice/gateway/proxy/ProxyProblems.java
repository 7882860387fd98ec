package io.sluice.gateway.proxy;

import io.sluice.gateway.internal.Problem;
import java.util.List;
import java.util.Map;

/** The problems only the proxy sends. */
final class ProxyProblems {
  private ProxyProblems() {}

  static Problem invalidPath(String path) {
    return of(
        400,
        "invalid-proxy-path",
        "Path cannot be authorized",
        "the path '"
            + path
            + "' has a segment outside A-Z a-z 0-9 _ ~ -, so it has no policy subject");
  }

  static Problem noHealthyUpstream(String pool) {
    return new Problem(
        503,
        "upstream-unavailable",
        "No upstream available",
        "no healthy instance in pool " + pool,
        List.of(),
        Map.of(),
        Map.of("Retry-After", "1"));
  }

  static Problem badGateway(String route, String why) {
    return of(502, "bad-gateway", "Upstream failed", "route " + route + ": " + why);
  }

  static Problem timeout(String route, long millis) {
    return of(
        504,
        "upstream-timeout",
        "Upstream timed out",
        "route " + route + ": no answer from the upstream within " + millis + " ms");
  }

  private static Problem of(int status, String slug, String title, String detail) {
    return new Problem(status, slug, title, detail, List.of(), Map.of(), Map.of());
  }
}
