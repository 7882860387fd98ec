package io.sluice.gateway.internal;

import io.sluice.audit.AuditQuery;
import io.sluice.audit.AuditStoreException;
import io.sluice.gateway.audit.AuditJson;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code GET /v1/audit} (records, newest first, filtered by {@code identity}, {@code action},
 * {@code subject} pattern, {@code outcome}, {@code from}, {@code to}, {@code chain}, paged by
 * {@code limit} and {@code cursor}) and {@code GET /v1/audit/verify[?chain=]} (the tamper check).
 * The caller needs {@code admin} on {@value #QUERY_TARGET} or {@value #VERIFY_TARGET}; both calls
 * are themselves audited. Store reads run off the event loop.
 */
final class AuditEndpoints {
  static final String QUERY_TARGET = "audit.query";
  static final String VERIFY_TARGET = "audit.verify";

  private final Services services;
  private final AdminCalls admin;

  AuditEndpoints(Services services) {
    this.services = services;
    this.admin = new AdminCalls(services);
  }

  void query(RoutingContext ctx) {
    admin(ctx, QUERY_TARGET, () -> AuditJson.page(services.audit().query(parse(ctx))));
  }

  void verify(RoutingContext ctx) {
    String chain = ctx.request().getParam("chain");
    admin(
        ctx,
        VERIFY_TARGET,
        () ->
            AuditJson.report(
                chain == null ? services.audit().verify() : services.audit().verify(chain)));
  }

  private void admin(RoutingContext ctx, String target, Callable<Map<String, Object>> work) {
    admin.run(ctx, target, target, false, caller -> () -> Responder.json(200, read(work)));
  }

  /** A store that cannot be read is a 503, not a bug. */
  private static Map<String, Object> read(Callable<Map<String, Object>> work) throws Exception {
    try {
      return work.call();
    } catch (AuditStoreException e) {
      throw Problems.fail(
          Problem.of(503, "audit-store-unavailable", "Audit store unavailable", e.getMessage())
              .withHeader("Retry-After", "1"));
    }
  }

  private static AuditQuery parse(RoutingContext ctx) {
    Map<String, String> params = new LinkedHashMap<>();
    ctx.queryParams().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
    try {
      return AuditQuery.fromParams(params);
    } catch (IllegalArgumentException e) {
      throw Problems.fail(Problems.invalidParameter("query", e.getMessage()));
    }
  }
}
