package io.sluice.gateway.internal;

import io.sluice.contracts.BreakingChange;
import io.sluice.contracts.CompatibilityReport;
import io.sluice.contracts.InvalidSchemaException;
import io.sluice.contracts.RegisteredSchema;
import io.sluice.contracts.Registration;
import io.sluice.contracts.SchemaRegistry;
import io.sluice.gateway.idempotency.StoredResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The schema admin API: {@code PUT /v1/schemas/{type}/{version}} registers a JSON Schema (201 with
 * the compatibility report, 200 when unchanged, 409 naming every breaking change when refused),
 * {@code GET /v1/schemas} lists every version, {@code GET /v1/schemas/{type}/{version}} returns one
 * schema. Every call needs {@code admin} on {@value #ADMIN_TARGET}.
 */
final class SchemaEndpoints {
  static final String ADMIN_TARGET = "schemas";

  private final Services services;
  private final AdminCalls admin;

  SchemaEndpoints(Services services) {
    this.services = services;
    this.admin = new AdminCalls(services);
  }

  void register(RoutingContext ctx) {
    admin(ctx, true, registry -> registered(registry, ctx));
  }

  void list(RoutingContext ctx) {
    admin(
        ctx, false, registry -> Responder.json(200, Map.of("schemas", summaries(registry.all()))));
  }

  void get(RoutingContext ctx) {
    admin(ctx, false, registry -> one(registry, ctx));
  }

  /** Runs the action as an admin call on {@value #ADMIN_TARGET} (it may use JDBC). */
  private void admin(
      RoutingContext ctx, boolean change, Function<SchemaRegistry, StoredResponse> action) {
    admin.run(
        ctx,
        ADMIN_TARGET,
        ADMIN_TARGET + auditPath(ctx),
        change,
        caller -> {
          SchemaRegistry registry = registry();
          return () -> action.apply(registry);
        });
  }

  /** {@code schemas/<type>/<version>} for one schema, {@code schemas} for the list. */
  private static String auditPath(RoutingContext ctx) {
    String type = ctx.pathParam("type");
    String version = ctx.pathParam("version");
    return type == null ? "" : "/" + type + "/" + version;
  }

  private SchemaRegistry registry() {
    return services
        .schemas()
        .orElseThrow(
            () ->
                Problems.fail(
                    Problem.of(
                        404,
                        "no-schema-registry",
                        "No schema registry",
                        "this gateway has no schemas section, so it keeps no schemas")));
  }

  private StoredResponse registered(SchemaRegistry registry, RoutingContext ctx) {
    String type = ctx.pathParam("type");
    int version = version(ctx.pathParam("version"));
    String body =
        ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
    Registration registration;
    try {
      registration = registry.register(type, version, body);
    } catch (InvalidSchemaException | IllegalArgumentException e) {
      throw Problems.fail(
          Problem.of(400, "invalid-schema", "Invalid schema", String.valueOf(e.getMessage())));
    }
    if (!registration.isAccepted()) {
      throw Problems.fail(
          Problem.of(409, "incompatible-schema", "Schema refused", refusal(registration))
              .withExtra("breakingChanges", changes(registration.report())));
    }
    int status = registration.outcome() == Registration.Outcome.REGISTERED ? 201 : 200;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("version", version);
    json.put("outcome", registration.outcome().name().toLowerCase(java.util.Locale.ROOT));
    json.put("compatibility", report(registration.report()));
    return Responder.json(status, json);
  }

  private StoredResponse one(SchemaRegistry registry, RoutingContext ctx) {
    String type = ctx.pathParam("type");
    int version = version(ctx.pathParam("version"));
    RegisteredSchema schema =
        registry
            .schema(type, version)
            .orElseThrow(
                () ->
                    Problems.fail(
                        Problem.of(
                            404,
                            "unknown-schema",
                            "Unknown schema",
                            "no schema is registered for " + type + " version " + version)));
    return Responder.json(200, Json.tree(schema.schemaJson()));
  }

  private static String refusal(Registration registration) {
    List<BreakingChange> changes = registration.report().changes();
    if (changes.isEmpty()) {
      return registration.reason();
    }
    return registration.reason()
        + ": "
        + String.join("; ", changes.stream().map(BreakingChange::toString).toList());
  }

  private static Map<String, Object> report(CompatibilityReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mode", report.mode().configName());
    json.put("compatible", report.isCompatible());
    json.put("breakingChanges", changes(report));
    return json;
  }

  private static List<Map<String, String>> changes(CompatibilityReport report) {
    return report.changes().stream().map(SchemaEndpoints::change).toList();
  }

  private static Map<String, String> change(BreakingChange c) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("kind", c.kind().name());
    json.put("pointer", c.pointer());
    json.put("direction", c.direction().configName());
    json.put("message", c.message());
    return json;
  }

  private static List<Map<String, Object>> summaries(List<RegisteredSchema> all) {
    return all.stream()
        .map(
            s -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("type", s.type());
              json.put("version", s.version());
              json.put("href", "/v1/schemas/" + s.type() + "/" + s.version());
              return json;
            })
        .toList();
  }

  private static int version(String raw) {
    try {
      int version = Integer.parseInt(raw);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Problems.fail(
        Problems.invalidParameter("version", "must be a positive integer but was '" + raw + "'"));
  }
}
