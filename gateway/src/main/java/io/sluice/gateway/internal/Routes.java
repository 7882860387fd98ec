package io.sluice.gateway.internal;

import io.opentelemetry.api.trace.Span;
import io.sluice.broker.Broker;
import io.sluice.contracts.RouteDescription;
import io.sluice.contracts.SchemaRegistry;
import io.sluice.gateway.AccessControl;
import io.sluice.gateway.GatewayOptions;
import io.sluice.gateway.audit.GatewayAudit;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.idempotency.IdempotencyStore;
import io.sluice.gateway.proxy.Proxy;
import io.sluice.gateway.push.PushSubscriptions;
import io.sluice.gateway.stream.StreamEndpoints;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every endpoint of the gateway, in one place. Every request first passes {@link #observe} (request
 * id, span, header limit, one access-log line and metrics at the end); every failure, including
 * unknown paths and oversized bodies, leaves as problem+json through {@link #failure}. Each mounted
 * route is described in {@link RouteCatalog}, from which {@code /openapi.json} is generated.
 */
public final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private final Services services;

  private Routes(Services services) {
    this.services = services;
  }

  /** Builds the router for a running broker and access control. */
  public static Router router(
      Vertx vertx,
      GatewayConfig config,
      AccessControl access,
      Broker broker,
      GatewayMetrics metrics,
      GatewayOptions options,
      Optional<SchemaRegistry> schemas,
      GatewayAudit audit,
      PushSubscriptions push) {
    GatewayConfig.Limits limits = config.limits();
    InFlightGate gate = new InFlightGate(limits.maxInFlight());
    metrics.bindBroker(broker, gate::current);
    Clock clock = options.clock();
    IdempotencyStore store =
        options
            .idempotencyStore()
            .orElseGet(
                () ->
                    IdempotencyStore.inMemory(
                        config.idempotency().ttl(), config.idempotency().maxEntries(), clock));
    Services services =
        new Services(
            config,
            access,
            broker,
            store,
            new RateLimiter(limits.rateLimit(), System::nanoTime),
            gate,
            metrics,
            new Tracing(options.openTelemetry()),
            clock,
            schemas,
            audit,
            push);
    Router router = new Routes(services).mount(Router.router(vertx));
    if (config.proxy().enabled()) {
      Proxy.start(vertx, config.proxy(), broker, metrics.registry(), options.proxyListener(), clock)
          .mount(router, new ProxyBridge(services));
    }
    return router;
  }

  private Router mount(Router router) {
    PublishPipeline publish = new PublishPipeline(services);
    BatchPipeline batch = new BatchPipeline(services);
    ExplainEndpoint explain = new ExplainEndpoint(services);
    OperationalEndpoints ops = new OperationalEndpoints(services);
    BodyHandler body =
        BodyHandler.create(false).setBodyLimit(services.config().limits().maxBodyBytes());

    router.route().handler(this::observe);
    on(router.post("/v1/events/:subject").handler(body), "/v1/events/{subject}")
        .handler(publish::handle);
    on(router.post("/v1/events").handler(body), "/v1/events").handler(batch::handle);
    on(router.get("/v1/policy/explain"), "/v1/policy/explain").handler(explain::handle);
    StreamEndpoints streams =
        StreamEndpoints.create(
            services.broker(),
            new StreamingSupport(services),
            services.config().streaming(),
            services.clock());
    on(router.get("/v1/events/:pattern"), "/v1/events/{pattern}").handler(streams::events);
    on(router.get("/v1/ws/:pattern"), "/v1/ws/{pattern}").handler(streams::webSocket);
    on(router.post("/v1/stream-tickets").handler(body), "/v1/stream-tickets")
        .handler(streams::issueTicket);
    on(router.post("/v1/request/:subject").handler(body), "/v1/request/{subject}")
        .handler(streams::request);
    AuditEndpoints audit = new AuditEndpoints(services);
    on(router.get("/v1/audit"), "/v1/audit").handler(audit::query);
    on(router.get("/v1/audit/verify"), "/v1/audit/verify").handler(audit::verify);
    SchemaEndpoints schemas = new SchemaEndpoints(services);
    DocumentEndpoints documents = new DocumentEndpoints(services);
    on(router.put("/v1/schemas/:type/:version").handler(body), "/v1/schemas/{type}/{version}")
        .handler(schemas::register);
    on(router.get("/v1/schemas"), "/v1/schemas").handler(schemas::list);
    on(router.get("/v1/schemas/:type/:version"), "/v1/schemas/{type}/{version}")
        .handler(schemas::get);
    PushEndpoints pushes = new PushEndpoints(services);
    on(router.post("/v1/push-subscriptions").handler(body), "/v1/push-subscriptions")
        .handler(pushes::create);
    on(router.get("/v1/push-subscriptions"), "/v1/push-subscriptions").handler(pushes::list);
    on(router.get("/v1/push-subscriptions/:name"), "/v1/push-subscriptions/{name}")
        .handler(pushes::get);
    on(router.delete("/v1/push-subscriptions/:name"), "/v1/push-subscriptions/{name}")
        .handler(pushes::delete);
    on(router.get("/asyncapi.json"), "/asyncapi.json").handler(documents::asyncApi);
    on(router.get("/openapi.json"), "/openapi.json").handler(documents::openApi);
    on(router.get("/docs"), "/docs").handler(documents::docs);
    on(router.get("/health/live"), "/health/live").handler(ops::live);
    on(router.get("/health/ready"), "/health/ready").handler(ops::ready);
    on(router.get("/metrics"), "/metrics").handler(ops::metrics);

    router.route().failureHandler(this::failure);
    router.errorHandler(
        400, problem(ctx -> Problems.malformed("the request line or path cannot be decoded")));
    router.errorHandler(404, problem(ctx -> Problems.notFound(ctx.request().path())));
    router.errorHandler(
        405,
        problem(
            ctx -> Problems.methodNotAllowed(ctx.request().method().name(), ctx.request().path())));
    return router;
  }

  /** The description of every route {@link #router} mounts, for the OpenAPI document. */
  public static List<RouteDescription> descriptions() {
    return RouteCatalog.all();
  }

  /** Names the route for logs, metrics and the span; the name is the documented path. */
  private static Route on(Route route, String name) {
    return route.handler(
        ctx -> {
          RequestState.of(ctx).route(ctx.request().method().name(), name);
          ctx.next();
        });
  }

  /** Starts the request's bookkeeping and enforces the header size limit (431). */
  private void observe(RoutingContext ctx) {
    Span span = services.tracing().start(ctx.request(), "unmatched");
    RequestState state = RequestState.begin(ctx, "unmatched", span);
    ctx.addEndHandler(v -> finished(ctx, state));
    int limit = services.config().limits().maxHeaderBytes();
    if (headerBytes(ctx) > limit) {
      Responder.sendProblem(ctx, Problems.headersTooLarge(limit));
      return;
    }
    ctx.next();
  }

  private void finished(RoutingContext ctx, RequestState state) {
    int status =
        state.callerGoneStatus() != 0 ? state.callerGoneStatus() : ctx.response().getStatusCode();
    long micros = (System.nanoTime() - state.startNanos()) / 1000;
    String method = ctx.request().method().name();
    services.metrics().request(state.route(), method, status, Duration.ofNanos(micros * 1000));
    state.span().setAttribute("http.response.status_code", status);
    state.span().end();
    AccessLog.record(state, method, state.route(), status, micros);
  }

  private void failure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.statusCode() == 413) {
      Responder.sendProblem(
          ctx,
          Problems.payloadTooLarge(
              "the body exceeds limits.maxBodyBytes ("
                  + services.config().limits().maxBodyBytes()
                  + " bytes)"));
      return;
    }
    if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      Responder.sendProblem(
          ctx,
          Problem.of(ctx.statusCode(), "bad-request", "Bad request", "the request was refused"));
      return;
    }
    Problem problem = failure == null ? Problems.internal() : ProblemException.toProblem(failure);
    if (problem.status() == 500) {
      LOG.atError()
          .addKeyValue("requestId", RequestState.of(ctx).requestId())
          .setCause(failure)
          .log("unexpected failure while handling a request");
    }
    Responder.sendProblem(ctx, problem);
  }

  private static Handler<RoutingContext> problem(
      java.util.function.Function<RoutingContext, Problem> problem) {
    return ctx -> Responder.sendProblem(ctx, problem.apply(ctx));
  }

  private static int headerBytes(RoutingContext ctx) {
    int total = 0;
    for (Map.Entry<String, String> h : ctx.request().headers()) {
      total += h.getKey().length() + h.getValue().length() + 4;
    }
    return total;
  }
}
