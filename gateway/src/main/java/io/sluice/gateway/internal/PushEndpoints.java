package io.sluice.gateway.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.sluice.gateway.idempotency.StoredResponse;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.push.PushConflictException;
import io.sluice.gateway.push.PushRequest;
import io.sluice.gateway.push.PushSubscription;
import io.sluice.gateway.push.PushSubscriptions;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The push subscription admin API: {@code POST /v1/push-subscriptions} creates one (201; 400 naming
 * every problem; 403 unless the caller may also subscribe to its pattern; 409 when the name is
 * taken), {@code GET} lists them or shows one, {@code DELETE /v1/push-subscriptions/{name}} removes
 * one (204). Every call needs {@code admin} on {@value #ADMIN_TARGET}. Secrets are never answered.
 */
final class PushEndpoints {
  static final String ADMIN_TARGET = "push-subscriptions";

  private final Services services;
  private final Guards guards;
  private final AdminCalls admin;

  PushEndpoints(Services services) {
    this.services = services;
    this.guards = new Guards(services);
    this.admin = new AdminCalls(services);
  }

  void create(RoutingContext ctx) {
    admin(ctx, true, (caller, push) -> created(ctx, caller, push));
  }

  void list(RoutingContext ctx) {
    admin(ctx, false, (caller, push) -> withPersistence(200, "subscriptions", push.list(), push));
  }

  void get(RoutingContext ctx) {
    admin(ctx, false, (caller, push) -> Responder.json(200, known(push, ctx.pathParam("name"))));
  }

  void delete(RoutingContext ctx) {
    admin(ctx, true, (caller, push) -> deleted(push, ctx.pathParam("name")));
  }

  /** Runs the action as an admin call on {@value #ADMIN_TARGET} (it may write a file). */
  private void admin(
      RoutingContext ctx,
      boolean change,
      BiFunction<Identity, PushSubscriptions, StoredResponse> action) {
    String name = ctx.pathParam("name");
    String audited = ADMIN_TARGET + (name == null ? "" : "/" + name);
    admin.run(
        ctx, ADMIN_TARGET, audited, change, caller -> () -> action.apply(caller, services.push()));
  }

  private StoredResponse created(RoutingContext ctx, Identity caller, PushSubscriptions push) {
    List<String> problems = new ArrayList<>();
    PushSubscription s =
        PushRequest.read(body(ctx), caller, problems).orElseThrow(() -> invalid(problems));
    guards.authorize(caller, Action.SUBSCRIBE, s.pattern().value());
    try {
      return withPersistence(201, "subscription", push.create(s), push);
    } catch (PushConflictException e) {
      throw Problems.fail(Problem.of(409, "push-subscription-exists", "Conflict", e.getMessage()));
    }
  }

  private StoredResponse deleted(PushSubscriptions push, String name) {
    try {
      if (!push.delete(name)) {
        throw unknown(name);
      }
      return new StoredResponse(204, Map.of(), new byte[0]);
    } catch (PushConflictException e) {
      throw Problems.fail(
          Problem.of(409, "push-subscription-configured", "Conflict", e.getMessage()));
    }
  }

  private static Map<String, Object> known(PushSubscriptions push, String name) {
    return push.get(name).orElseThrow(() -> unknown(name));
  }

  private static StoredResponse withPersistence(
      int status, String key, Object value, PushSubscriptions push) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(key, value);
    json.put("persistence", push.persistence());
    if (push.persistence().equals("memory")) {
      json.put(
          "warning",
          "API-created push subscriptions are kept in memory only and end when the gateway stops;"
              + " set push.store to keep them");
    }
    return Responder.json(status, json);
  }

  private static Map<String, Object> body(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw invalid(List.of("the body must be a JSON object describing the subscription"));
    }
    try {
      Map<String, Object> body = Json.MAPPER.readValue(text, new TypeReference<>() {});
      if (body == null) {
        throw invalid(List.of("the body must be a JSON object, not null"));
      }
      return body;
    } catch (JacksonException e) {
      throw invalid(List.of("the body is not a JSON object: " + e.getOriginalMessage()));
    }
  }

  private static ProblemException invalid(List<String> problems) {
    return Problems.fail(
        Problem.of(
                400,
                "invalid-push-subscription",
                "Invalid push subscription",
                String.join("; ", problems))
            .withExtra("errors", List.copyOf(problems)));
  }

  private static ProblemException unknown(String name) {
    return Problems.fail(
        Problem.of(
            404,
            "unknown-push-subscription",
            "Unknown push subscription",
            "no push subscription is named '" + name + "'"));
  }
}
