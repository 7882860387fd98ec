package io.sluice.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Passes a WebSocket upgrade through: connects to an instance first (so a dead upstream is a 502,
 * not an accepted socket that closes at once), then accepts the caller's upgrade and relays text,
 * binary and close frames both ways.
 */
final class WebSocketRelay {
  private static final List<String> HANDSHAKE =
      List.of(
          "sec-websocket-key",
          "sec-websocket-version",
          "sec-websocket-extensions",
          "sec-websocket-protocol");

  private final Upstreams upstreams;
  private final ProxyHost host;
  private final Optional<AssertionSigner> signer;

  WebSocketRelay(Upstreams upstreams, ProxyHost host, Optional<AssertionSigner> signer) {
    this.upstreams = upstreams;
    this.host = host;
    this.signer = signer;
  }

  void relay(ProxiedRequest p, ProxyHandler.Recorder recorder) {
    UpstreamPool pool = upstreams.pool(p.route);
    Optional<Upstream> picked = pool.pick(p.tried);
    if (picked.isEmpty()) {
      host.problem(p.ctx, ProxyProblems.noHealthyUpstream(pool.name()));
      recorder.record(p, 503);
      return;
    }
    Upstream upstream = picked.get();
    p.tried.add(upstream);
    upstreams
        .client(p.route)
        .webSockets()
        .connect(options(p, upstream))
        .onSuccess(ws -> accept(p, upstream, ws, recorder))
        .onFailure(
            e -> {
              pool.failed(upstream);
              host.problem(
                  p.ctx,
                  ProxyProblems.badGateway(
                      p.route.name(), "WebSocket upgrade to " + upstream.label() + " failed"));
              recorder.record(p, 502);
            });
  }

  private WebSocketConnectOptions options(ProxiedRequest p, Upstream upstream) {
    String assertion =
        signer.map(s -> s.mint(p.identity, p.route.name(), p.requestId)).orElse(null);
    MultiMap headers = UpstreamRequests.headers(p, host.traceparent(p.ctx), assertion);
    HANDSHAKE.forEach(headers::remove);
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost(upstream.uri().getHost())
            .setPort(upstream.port())
            .setSsl(upstream.secure())
            .setURI(UpstreamRequests.uri(p, upstream))
            .setConnectTimeout(upstreams.pool(p.route).config().connectTimeout().toMillis());
    headers.forEach(h -> options.addHeader(h.getKey(), h.getValue()));
    String protocols = p.request().getHeader("Sec-WebSocket-Protocol");
    if (protocols != null) {
      options.setSubProtocols(Arrays.stream(protocols.split(",")).map(String::trim).toList());
    }
    return options;
  }

  private void accept(
      ProxiedRequest p,
      Upstream upstream,
      WebSocket upstreamSocket,
      ProxyHandler.Recorder recorder) {
    p.answered = upstream;
    upstreams.pool(p.route).succeeded(upstream);
    p.request()
        .toWebSocket()
        .onSuccess(caller -> join(caller, upstreamSocket))
        .onFailure(e -> upstreamSocket.close());
    recorder.record(p, 101);
  }

  private static void join(ServerWebSocket caller, WebSocket upstream) {
    caller.textMessageHandler(upstream::writeTextMessage);
    caller.binaryMessageHandler(upstream::writeBinaryMessage);
    upstream.textMessageHandler(caller::writeTextMessage);
    upstream.binaryMessageHandler(caller::writeBinaryMessage);
    caller.closeHandler(v -> upstream.close());
    upstream.closeHandler(v -> caller.close());
  }
}
