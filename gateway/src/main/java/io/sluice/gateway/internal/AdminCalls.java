package io.sluice.gateway.internal;

import io.sluice.audit.AuditAction;
import io.sluice.gateway.idempotency.StoredResponse;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What every admin endpoint does around its own work: authenticate, throttle, authorize {@code
 * admin} on the endpoint's target, record the decision, run the work off the event loop (it may use
 * JDBC or write a file), then answer. A change also records its status once done; any failure is
 * recorded as the call's outcome and answered as problem+json.
 */
final class AdminCalls {
  private final Guards guards;
  private final AuditRecorder recorder;

  AdminCalls(Services services) {
    this.guards = new Guards(services);
    this.recorder = new AuditRecorder(services);
  }

  /**
   * Runs one admin call. {@code prepare} runs on the event loop once the caller is authorized and
   * before the decision is recorded (it may refuse with a problem); the work it returns runs off
   * the event loop.
   *
   * @param target the policy target {@code admin} is checked on
   * @param audited the subject of the audit record (the target, or the target and a resource)
   * @param change whether the call changes state (its status is recorded after the work)
   */
  void run(
      RoutingContext ctx,
      String target,
      String audited,
      boolean change,
      Function<Identity, Callable<StoredResponse>> prepare) {
    AuditedCall call = new AuditedCall(AuditAction.ADMIN, audited);
    CompletableFuture<StoredResponse> outcome =
        guards
            .authenticate(ctx.request(), RequestState.of(ctx))
            .toCompletableFuture()
            .thenCompose(
                caller -> {
                  call.identity = caller;
                  guards.throttle(caller, 1);
                  call.decision = guards.authorize(caller, Action.ADMIN, target);
                  Callable<StoredResponse> work = prepare.apply(caller);
                  recorder.allow(ctx, call, change ? 0 : 200);
                  return ctx.vertx().executeBlocking(work, false).toCompletionStage();
                });
    Future.fromCompletionStage(outcome, ctx.vertx().getOrCreateContext())
        .onComplete(ar -> respond(ctx, call, change, ar.result(), ar.cause()));
  }

  private void respond(
      RoutingContext ctx,
      AuditedCall call,
      boolean change,
      StoredResponse result,
      Throwable failure) {
    if (failure == null) {
      if (change) {
        recorder.succeeded(ctx, call, result.status(), null);
      }
      Responder.send(ctx, result);
      return;
    }
    Problem problem = ProblemException.toProblem(failure);
    recorder.outcome(ctx, call, problem);
    Responder.sendProblem(ctx, problem);
  }
}
