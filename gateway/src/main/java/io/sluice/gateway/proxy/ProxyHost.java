package io.sluice.gateway.proxy;

import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.internal.Problem;
import io.sluice.gateway.policy.Decision;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionStage;

/**
 * What the proxy borrows from the gateway it runs in: the request's id and trace, the gateway's
 * authentication, rate limit and policy, and its problem responses. Failures of {@link
 * #authenticate} and {@link #throttle} are the gateway's own problems and are sent by {@link
 * #fail}.
 */
public interface ProxyHost {
  String requestId(RoutingContext ctx);

  /** The W3C {@code traceparent} of the request's span, or null when it is not sampled. */
  String traceparent(RoutingContext ctx);

  /** Names the request for logs, metrics and the span. */
  void named(RoutingContext ctx, String route, String subject);

  /**
   * Tells the access line where the request went: the instance that answered (null when none did)
   * and how many were tried.
   */
  void forwarded(RoutingContext ctx, String upstream, int attempts);

  /** The caller hung up before its response ended; the access line logs {@code status}. */
  void callerGone(RoutingContext ctx, int status);

  CompletionStage<Identity> authenticate(RoutingContext ctx);

  void throttle(Identity identity);

  /**
   * The policy's decision, on the audit trail before the call goes anywhere: a denial as its
   * record, an allow held until {@link #finished} completes it.
   */
  Decision decide(RoutingContext ctx, Identity identity, String subject);

  /**
   * Completes an allowed call's held audit record with how it ended; call it once per call.
   *
   * @param receipt what happened ({@link ProxyCall#summary()}, and where the call's event went)
   * @param error why the call or its event failed, or null
   */
  void finished(RoutingContext ctx, ProxyCall call, String receipt, String error);

  Problem forbidden(String subject, Decision decision);

  void problem(RoutingContext ctx, Problem problem);

  /** Sends the problem a failure of {@link #authenticate} or {@link #throttle} stands for. */
  void fail(RoutingContext ctx, Throwable failure);

  /** The status a failure of {@link #authenticate} or {@link #throttle} is answered with. */
  int status(Throwable failure);
}
