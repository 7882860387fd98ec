package io.sluice.gateway.proxy;

import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.internal.Problem;
import io.sluice.gateway.policy.Decision;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's request path for one route, top to bottom: derive the policy subject, authenticate,
 * throttle, authorize, then forward (HTTP) or relay (WebSocket upgrade). Every outcome, refused or
 * forwarded, is recorded once through {@link #record}.
 */
final class ProxyHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

  private final ProxyConfig.Route route;
  private final ProxyHost host;
  private final Forwarder forwarder;
  private final WebSocketRelay relay;
  private final ProxyListener listener;
  private final CallEvents events;
  private final String routeName;

  ProxyHandler(
      ProxyConfig.Route route,
      ProxyHost host,
      Forwarder forwarder,
      WebSocketRelay relay,
      ProxyListener listener,
      CallEvents events) {
    this.route = route;
    this.host = host;
    this.forwarder = forwarder;
    this.relay = relay;
    this.listener = listener;
    this.events = events;
    this.routeName = "proxy:" + route.name();
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.request().pause();
    ProxiedRequest p = new ProxiedRequest(ctx, route, host.requestId(ctx));
    Optional<String> subject =
        route.action().or(() -> PolicySubject.of(p.method(), ctx.request().path()));
    host.named(ctx, routeName, subject.orElse(""));
    if (subject.isEmpty()) {
      refuse(p, ProxyProblems.invalidPath(ctx.request().path()));
      return;
    }
    p.subject = subject.get();
    Future.fromCompletionStage(host.authenticate(ctx), ctx.vertx().getOrCreateContext())
        .onComplete(ar -> authenticated(p, ar.result(), ar.cause()));
  }

  private void authenticated(ProxiedRequest p, Identity identity, Throwable failure) {
    if (failure == null) {
      p.identity = identity;
      failure = throttle(identity);
    }
    if (failure != null) {
      host.fail(p.ctx, failure);
      record(p, host.status(failure));
      return;
    }
    Decision decision = host.decide(p.ctx, identity, p.subject);
    p.rule = decision.rule();
    p.allowed = decision.allowed();
    if (!decision.allowed()) {
      refuse(p, host.forbidden(p.subject, decision));
    } else {
      send(p);
    }
  }

  /**
   * Forwards or relays an allowed call. Its audit decision is held until {@link #record} completes
   * it, so a failure of the gateway's own before the call has ended still ends it, as a 502.
   */
  private void send(ProxiedRequest p) {
    try {
      if (isUpgrade(p)) {
        relay.relay(p, this::record);
      } else {
        forwarder.forward(p, this::record);
      }
    } catch (RuntimeException e) {
      LOG.error("proxying request {} failed", p.requestId, e);
      if (!p.recorded) {
        abort(p);
      }
    }
  }

  private void abort(ProxiedRequest p) {
    if (p.ctx.response().headWritten()) {
      p.ctx.response().reset();
      record(p, 502);
    } else {
      refuse(p, ProxyProblems.badGateway(p.route.name(), "the gateway could not forward it"));
    }
  }

  private Throwable throttle(Identity identity) {
    try {
      host.throttle(identity);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private void refuse(ProxiedRequest p, Problem problem) {
    host.problem(p.ctx, problem);
    record(p, problem.status());
  }

  private static boolean isUpgrade(ProxiedRequest p) {
    String upgrade = p.request().getHeader(HttpHeaders.UPGRADE);
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /**
   * The typed event for one call, and a DEBUG line with its details (the access line carries the
   * route, status, identity, subject, rule, upstream and attempts at INFO). Only the first ending
   * of a call is recorded: an allowed call's audit record is completed exactly once.
   */
  void record(ProxiedRequest p, int status) {
    if (p.recorded) {
      LOG.error(
          "request {} ended twice (status {}); the second ending is ignored", p.requestId, status);
      return;
    }
    p.recorded = true;
    ProxyCall call = p.toCall(status);
    if (LOG.isDebugEnabled()) {
      debugLine(call);
    }
    try {
      listener.completed(call);
    } catch (RuntimeException e) {
      LOG.error("a proxy listener failed on request {}", call.requestId(), e);
    }
    if (p.allowed) {
      emitThenAudit(p, call);
    }
  }

  private static void debugLine(ProxyCall call) {
    LOG.atDebug()
        .addKeyValue("requestId", call.requestId())
        .addKeyValue("route", call.route())
        .addKeyValue("method", call.method())
        .addKeyValue("path", call.path())
        .addKeyValue("subject", call.subject())
        .addKeyValue("identity", call.identityId().orElse(""))
        .addKeyValue("upstream", call.upstream().orElse(""))
        .addKeyValue("status", call.status())
        .addKeyValue("latencyMicros", call.latency().toNanos() / 1000)
        .addKeyValue("rule", call.rule().orElse(""))
        .addKeyValue("attempts", call.attempts())
        .log("proxied request");
  }

  /**
   * Publishes the call's event (when the route emits), then records the outcome with where the
   * event went or why it did not; both happen after the response was sent.
   */
  private void emitThenAudit(ProxiedRequest p, ProxyCall call) {
    String error = call.upstream().isEmpty() ? "no upstream answered" : null;
    if (route.emit().isEmpty()) {
      host.finished(p.ctx, call, call.summary(), error);
      return;
    }
    Future.fromCompletionStage(
            events.emit(p, call, host.traceparent(p.ctx)), p.ctx.vertx().getOrCreateContext())
        .onSuccess(where -> host.finished(p.ctx, call, call.summary() + " emitted=" + where, error))
        .onFailure(e -> host.finished(p.ctx, call, call.summary(), join(error, emitFailed(e))));
  }

  private String emitFailed(Throwable e) {
    return "emit to " + route.emit().orElseThrow().subject() + " failed: " + CallEvents.reason(e);
  }

  private static String join(String first, String second) {
    return first == null ? second : first + "; " + second;
  }

  /** Receives the final status of a request that was forwarded or relayed. */
  interface Recorder {
    void record(ProxiedRequest p, int status);
  }
}
