package io.sluice.gateway.internal;

import io.sluice.audit.AuditAction;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.policy.Explanation;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /v1/policy/explain?action=&subject=}: which rule allows or denies an action. Explains
 * for the caller itself, or for the identity described by {@code sub}, {@code groups} (comma
 * separated) and {@code claims.<name>} parameters. The caller needs {@code admin} on {@code
 * policy.explain}.
 */
final class ExplainEndpoint {
  static final String ADMIN_TARGET = "policy.explain";

  private final Services services;
  private final Guards guards;
  private final AuditRecorder recorder;

  ExplainEndpoint(Services services) {
    this.services = services;
    this.guards = new Guards(services);
    this.recorder = new AuditRecorder(services);
  }

  void handle(RoutingContext ctx) {
    AuditedCall call = new AuditedCall(AuditAction.ADMIN, ADMIN_TARGET);
    CompletableFuture<Map<String, Object>> outcome =
        guards
            .authenticate(ctx.request(), RequestState.of(ctx))
            .toCompletableFuture()
            .thenApply(
                caller -> {
                  call.identity = caller;
                  guards.throttle(caller, 1);
                  call.decision = guards.authorize(caller, Action.ADMIN, ADMIN_TARGET);
                  Map<String, Object> answer = explain(ctx.queryParams(), caller);
                  recorder.allow(ctx, call, 200);
                  return answer;
                });
    Future.fromCompletionStage(outcome, ctx.vertx().getOrCreateContext())
        .onComplete(ar -> respond(ctx, call, ar.result(), ar.cause()));
  }

  private void respond(
      RoutingContext ctx, AuditedCall call, Map<String, Object> answer, Throwable failure) {
    if (failure == null) {
      Responder.send(ctx, Responder.json(200, answer));
      return;
    }
    Problem problem = ProblemException.toProblem(failure);
    recorder.outcome(ctx, call, problem);
    Responder.send(ctx, Responder.problem(ctx, problem));
  }

  private Map<String, Object> explain(MultiMap query, Identity caller) {
    Action action = action(query.get("action"));
    String subject = query.get("subject");
    if (subject == null || subject.isBlank()) {
      throw Problems.fail(
          Problems.invalidParameter("subject", "the subject parameter is required"));
    }
    Identity who = describedIdentity(query).orElse(caller);
    Explanation explanation = services.access().explainer().explain(who, action, subject);
    Decision decision = explanation.decision();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("allowed", decision.allowed());
    json.put("rule", decision.rule());
    json.put("reason", decision.reason());
    json.put("policyVersion", decision.policyVersion());
    json.put("action", action.name().toLowerCase(Locale.ROOT));
    json.put("subject", subject);
    json.put("identity", Map.of("id", who.id(), "claims", who.claims(), "groups", who.groups()));
    json.put("roles", explanation.roles().stream().map(ExplainEndpoint::roleJson).toList());
    return json;
  }

  private static Map<String, String> roleJson(Explanation.RoleVerdict v) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("role", v.role());
    json.put("boundBy", v.boundBy());
    json.put("verdict", v.verdict());
    json.put("rule", v.rule());
    return json;
  }

  private static Action action(String raw) {
    List<String> names = List.of("publish", "subscribe", "request", "admin");
    if (raw == null || !names.contains(raw)) {
      throw Problems.fail(
          Problems.invalidParameter(
              "action", "action must be one of " + String.join(", ", names) + " but was " + raw));
    }
    return Action.valueOf(raw.toUpperCase(Locale.ROOT));
  }

  private static Optional<Identity> describedIdentity(MultiMap query) {
    Map<String, Object> claims = new LinkedHashMap<>();
    query.forEach(
        e -> {
          if (e.getKey().startsWith("claims.")) {
            claims.put(e.getKey().substring("claims.".length()), e.getValue());
          }
        });
    String sub = query.get("sub");
    String groups = query.get("groups");
    if (sub == null && groups == null && claims.isEmpty()) {
      return Optional.empty();
    }
    Set<String> groupSet = new HashSet<>();
    if (groups != null && !groups.isBlank()) {
      groupSet.addAll(List.of(groups.split("\\s*,\\s*")));
    }
    String id = sub == null ? "explained-identity" : sub;
    claims.putIfAbsent("sub", id);
    return Optional.of(new Identity("jwt", id, "explain", claims, groupSet, Long.MAX_VALUE));
  }
}
