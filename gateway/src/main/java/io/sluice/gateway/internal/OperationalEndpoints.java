package io.sluice.gateway.internal;

import io.sluice.broker.ConnectionState;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /health/live}, {@code /health/ready} and {@code /metrics}: unauthenticated, cheap. */
final class OperationalEndpoints {
  private final Services services;

  OperationalEndpoints(Services services) {
    this.services = services;
  }

  void live(RoutingContext ctx) {
    Responder.send(ctx, Responder.json(200, Map.of("status", "UP")));
  }

  /**
   * Ready when the broker is connected, a policy is loaded and the audit log accepts records; 503
   * problem otherwise. Push subscriptions are listed with their status but do not decide readiness
   * (one failing webhook must not take publishing out of the load balancer).
   */
  void ready(RoutingContext ctx) {
    ConnectionState broker = services.broker().state();
    Optional<String> policy = services.access().policyVersion().get();
    Map<String, Object> checks = new LinkedHashMap<>();
    checks.put("broker", broker.name().toLowerCase());
    checks.put("policyVersion", policy.orElse(null));
    boolean auditing = services.audit().isAccepting();
    checks.put("audit", auditing ? "accepting" : "refusing");
    if (!services.push().statuses().isEmpty()) {
      checks.put("pushSubscriptions", services.push().statuses());
    }
    if (broker.isReady() && policy.isPresent() && auditing) {
      checks.put("status", "UP");
      Responder.send(ctx, Responder.json(200, checks));
      return;
    }
    String why =
        !broker.isReady()
            ? "the broker is " + checks.get("broker")
            : policy.isEmpty() ? "no policy loaded" : "the audit trail is not accepting records";
    Problem problem = Problem.of(503, "not-ready", "Not ready", why).withExtra("checks", checks);
    Responder.sendProblem(ctx, problem);
  }

  void metrics(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(services.metrics().scrape());
  }
}
