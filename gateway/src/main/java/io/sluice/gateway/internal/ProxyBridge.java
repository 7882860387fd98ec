package io.sluice.gateway.internal;

import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.proxy.ProxyHost;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionStage;

/**
 * Lends the proxy the gateway's request bookkeeping, authentication, rate limit, policy (the {@code
 * request} action) and problem responses.
 */
final class ProxyBridge implements ProxyHost {
  private final Services services;
  private final Guards guards;

  ProxyBridge(Services services) {
    this.services = services;
    this.guards = new Guards(services);
  }

  @Override
  public String requestId(RoutingContext ctx) {
    return RequestState.of(ctx).requestId();
  }

  @Override
  public String traceparent(RoutingContext ctx) {
    return Tracing.traceparent(RequestState.of(ctx).span()).orElse(null);
  }

  @Override
  public void named(RoutingContext ctx, String route, String subject) {
    RequestState state = RequestState.of(ctx);
    state.route(ctx.request().method().name(), route);
    state.subject(subject);
  }

  @Override
  public CompletionStage<Identity> authenticate(RoutingContext ctx) {
    return guards.authenticate(ctx.request(), RequestState.of(ctx));
  }

  @Override
  public void throttle(Identity identity) {
    guards.throttle(identity, 1);
  }

  @Override
  public Decision decide(Identity identity, String subject) {
    Decision decision = services.access().policy().decide(identity, Action.REQUEST, subject);
    if (!decision.allowed()) {
      services.metrics().denied("request", "forbidden");
    }
    return decision;
  }

  @Override
  public Problem forbidden(String subject, Decision decision) {
    return Problems.forbidden("request", subject, decision);
  }

  @Override
  public void problem(RoutingContext ctx, Problem problem) {
    Responder.sendProblem(ctx, problem);
  }

  @Override
  public void fail(RoutingContext ctx, Throwable failure) {
    Responder.sendProblem(ctx, ProblemException.toProblem(failure));
  }

  @Override
  public int status(Throwable failure) {
    return ProblemException.toProblem(failure).status();
  }
}
