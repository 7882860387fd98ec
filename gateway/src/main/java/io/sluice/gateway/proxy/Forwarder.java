package io.sluice.gateway.proxy;

import io.sluice.gateway.internal.Problem;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a request to an instance of the route's pool and streams the answer back. A connect
 * failure, or a 502/503 to a request without a body, is retried on another instance when the method
 * is idempotent and the route's retries and retry budget allow; POST and PATCH never are. Bodies
 * are piped in both directions, never buffered.
 */
final class Forwarder {
  /** The status recorded for a call whose caller closed the connection before the answer ended. */
  static final int CALLER_GONE = 499;

  private final Upstreams upstreams;
  private final ProxyHost host;
  private final Optional<AssertionSigner> signer;
  private final ProxyMetrics metrics;

  Forwarder(
      Upstreams upstreams, ProxyHost host, Optional<AssertionSigner> signer, ProxyMetrics metrics) {
    this.upstreams = upstreams;
    this.host = host;
    this.signer = signer;
    this.metrics = metrics;
  }

  void forward(ProxiedRequest p, ProxyHandler.Recorder recorder) {
    upstreams.budget(p.route).deposit();
    p.ctx.addEndHandler(
        ended -> {
          if (ended.failed() && !p.ctx.response().ended()) {
            host.callerGone(p.ctx, CALLER_GONE);
            p.callerLeft();
          }
        });
    attempt(p, recorder, null);
  }

  private void attempt(ProxiedRequest p, ProxyHandler.Recorder recorder, Problem previous) {
    UpstreamPool pool = upstreams.pool(p.route);
    Optional<Upstream> next = pool.pick(p.tried);
    if (next.isEmpty()) {
      fail(p, recorder, previous != null ? previous : ProxyProblems.noHealthyUpstream(pool.name()));
      return;
    }
    if (p.callerGone) {
      recorder.record(p, CALLER_GONE);
      return;
    }
    Upstream upstream = next.get();
    p.tried.add(upstream);
    upstream.started();
    MultiMap headers = UpstreamRequests.headers(p, host.traceparent(p.ctx), assertion(p));
    try {
      upstreams
          .client(p.route)
          .http()
          .request(UpstreamRequests.options(p, upstream, headers))
          .onSuccess(req -> send(p, upstream, req, recorder))
          .onFailure(e -> connectFailed(p, upstream, recorder, e));
    } catch (IllegalStateException clientClosed) {
      upstream.finished();
      fail(p, recorder, ProxyProblems.noHealthyUpstream(pool.name()));
    }
  }

  private void connectFailed(
      ProxiedRequest p, Upstream upstream, ProxyHandler.Recorder recorder, Throwable e) {
    upstream.finished();
    failed(p, upstream, "connect");
    Problem problem =
        ProxyProblems.badGateway(p.route.name(), "could not connect to " + upstream.label());
    retryOr(p, recorder, problem);
  }

  private void send(
      ProxiedRequest p, Upstream upstream, HttpClientRequest req, ProxyHandler.Recorder recorder) {
    if (p.callerGone) {
      req.reset();
      upstream.finished();
      recorder.record(p, CALLER_GONE);
      return;
    }
    p.exchange = req;
    boolean hasBody = !p.bodyless();
    if (hasBody && p.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
      req.setChunked(true);
    }
    (hasBody ? req.send(p.request()) : req.send())
        .onSuccess(res -> answered(p, upstream, res, recorder))
        .onFailure(e -> sendFailed(p, upstream, recorder, e));
  }

  private void sendFailed(
      ProxiedRequest p, Upstream upstream, ProxyHandler.Recorder recorder, Throwable e) {
    upstream.finished();
    if (p.callerGone) {
      recorder.record(p, CALLER_GONE);
      return;
    }
    boolean timeout = e.getClass().getSimpleName().contains("Timeout");
    failed(p, upstream, timeout ? "timeout" : "reset");
    fail(
        p,
        recorder,
        timeout
            ? ProxyProblems.timeout(p.route.name(), p.route.timeout().toMillis())
            : ProxyProblems.badGateway(p.route.name(), "the upstream closed the connection"));
  }

  private void answered(
      ProxiedRequest p, Upstream upstream, HttpClientResponse res, ProxyHandler.Recorder recorder) {
    if (p.callerGone) {
      res.request().reset();
      upstream.finished();
      recorder.record(p, CALLER_GONE);
      return;
    }
    int status = res.statusCode();
    if (status >= 500) {
      failed(p, upstream, "status_" + status);
    } else {
      upstreams.pool(p.route).succeeded(upstream);
    }
    if ((status == 502 || status == 503) && p.bodyless() && retryAllowed(p)) {
      res.body().onComplete(ignored -> upstream.finished());
      metrics.retry(p.route.name());
      attempt(p, recorder, ProxyProblems.badGateway(p.route.name(), "upstream answered " + status));
      return;
    }
    p.answered = upstream;
    host.forwarded(p.ctx, upstream.label(), p.tried.size());
    HttpServerResponse out = p.ctx.response().setStatusCode(status);
    out.setStatusMessage(res.statusMessage());
    MultiMap outHeaders = out.headers();
    for (Map.Entry<String, String> h : res.headers()) {
      if (UpstreamRequests.answerHeaderForwarded(h.getKey())) {
        outHeaders.add(h.getKey(), h.getValue());
      }
    }
    out.putHeader(IdentityHeaders.REQUEST_ID, p.requestId);
    if (res.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
      out.setChunked(true);
    }
    ResponseRelay.relay(
        p,
        res,
        ended -> {
          upstream.finished();
          recorder.record(p, ended);
        });
  }

  private void retryOr(ProxiedRequest p, ProxyHandler.Recorder recorder, Problem problem) {
    if (retryAllowed(p)) {
      metrics.retry(p.route.name());
      attempt(p, recorder, problem);
    } else {
      fail(p, recorder, problem);
    }
  }

  private boolean retryAllowed(ProxiedRequest p) {
    return p.idempotent()
        && p.tried.size() <= p.route.retries()
        && upstreams.budget(p.route).trySpend();
  }

  private void failed(ProxiedRequest p, Upstream upstream, String kind) {
    metrics.upstreamError(p.route.name(), upstream, kind);
    upstreams.pool(p.route).failed(upstream);
  }

  private void fail(ProxiedRequest p, ProxyHandler.Recorder recorder, Problem problem) {
    if (p.callerGone) {
      recorder.record(p, CALLER_GONE);
      return;
    }
    if (!p.ctx.response().headWritten()) {
      host.forwarded(p.ctx, null, p.tried.size());
      p.request().resume();
      host.problem(p.ctx, problem);
    } else {
      p.ctx.response().reset();
    }
    recorder.record(p, problem.status());
  }

  private String assertion(ProxiedRequest p) {
    return signer.map(s -> s.mint(p.identity, p.route.name(), p.requestId)).orElse(null);
  }
}
