package io.sluice.gateway.internal;

import io.sluice.audit.AuditAction;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.proxy.ProxyCall;
import io.sluice.gateway.proxy.ProxyHost;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionStage;

/**
 * Lends the proxy the gateway's request bookkeeping, authentication, rate limit, policy (the {@code
 * request} action), audit trail and problem responses. An allowed call leaves one record: the log
 * holds the allow decision before anything is forwarded (refusing it stops the call), and the
 * outcome (status, route, method, path, upstream, latency, emitted event) completes it once the
 * response is sent. A refused call is one denied record.
 */
final class ProxyBridge implements ProxyHost {
  static final String AUDIT_REFUSED_RULE = "audit-unavailable";
  private static final String AUDITED_CALL = "sluice.proxy.auditedCall";

  private final Services services;
  private final Guards guards;
  private final AuditRecorder recorder;

  ProxyBridge(Services services) {
    this.services = services;
    this.guards = new Guards(services);
    this.recorder = new AuditRecorder(services);
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
  public void forwarded(RoutingContext ctx, String upstream, int attempts) {
    RequestState.of(ctx).forwarded(upstream, attempts);
  }

  @Override
  public void callerGone(RoutingContext ctx, int status) {
    RequestState.of(ctx).callerGone(status);
  }

  @Override
  public CompletionStage<Identity> authenticate(RoutingContext ctx) {
    return guards.authenticate(ctx.request(), RequestState.of(ctx));
  }

  @Override
  public void throttle(Identity identity) {
    guards.throttle(identity, 1);
  }

  /**
   * Asks the policy; a denial is appended to the audit trail, an allow is held by it until {@link
   * #finished} completes it. An allow the audit log refuses to hold becomes a denial by {@value
   * #AUDIT_REFUSED_RULE}, answered 503 by {@link #forbidden}.
   */
  @Override
  public Decision decide(RoutingContext ctx, Identity identity, String subject) {
    Decision decision = services.access().policy().decide(identity, Action.REQUEST, subject);
    RequestState.of(ctx).rule(decision.rule());
    AuditedCall call = new AuditedCall(AuditAction.PROXY, subject);
    call.identity = identity;
    if (!decision.allowed()) {
      services.metrics().denied("request", "forbidden");
      recorder.outcome(ctx, call, Problems.forbidden("request", subject, decision));
      return decision;
    }
    call.decision = decision;
    try {
      recorder.hold(ctx, call);
      ctx.put(AUDITED_CALL, call);
      return decision;
    } catch (ProblemException refused) {
      return new Decision(
          false,
          AUDIT_REFUSED_RULE,
          "the audit trail refused the record",
          decision.policyVersion());
    }
  }

  /**
   * Completes the held decision of an allowed call with its outcome: its status, where it went, how
   * long it took. Only the first call for a request counts.
   */
  @Override
  public void finished(RoutingContext ctx, ProxyCall call, String receipt, String error) {
    AuditedCall audited = ctx.remove(AUDITED_CALL);
    if (audited != null) {
      recorder.finished(ctx, audited, call.status(), receipt, error);
    }
  }

  @Override
  public Problem forbidden(String subject, Decision decision) {
    return decision.rule().equals(AUDIT_REFUSED_RULE)
        ? Problems.auditUnavailable()
        : Problems.forbidden("request", subject, decision);
  }

  @Override
  public void problem(RoutingContext ctx, Problem problem) {
    Responder.sendProblem(ctx, problem);
  }

  /** Failures before the decision (401, 429) are recorded as denied proxy calls. */
  @Override
  public void fail(RoutingContext ctx, Throwable failure) {
    Problem problem = ProblemException.toProblem(failure);
    recorder.outcome(
        ctx, new AuditedCall(AuditAction.PROXY, RequestState.of(ctx).subject()), problem);
    Responder.sendProblem(ctx, problem);
  }

  @Override
  public int status(Throwable failure) {
    return ProblemException.toProblem(failure).status();
  }
}
