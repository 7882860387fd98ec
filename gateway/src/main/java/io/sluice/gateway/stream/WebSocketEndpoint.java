package io.sluice.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/ws/{pattern}}: the same checks as SSE answered over HTTP, then an upgrade to a
 * WebSocket with the {@code cloudevents.json} subprotocol and credit-based flow control.
 */
final class WebSocketEndpoint {
  private final StreamOpener opener;
  private final Streams streams;
  private final EndpointSupport support;

  WebSocketEndpoint(StreamOpener opener, Streams streams, EndpointSupport support) {
    this.opener = opener;
    this.streams = streams;
    this.support = support;
  }

  void handle(RoutingContext ctx) {
    ctx.request().pause();
    String protocols = ctx.request().getHeader("Sec-WebSocket-Protocol");
    if (protocols == null || !protocols.contains(StreamEndpoints.WEBSOCKET_SUBPROTOCOL)) {
      support.fail(
          ctx,
          support.problem(
              400,
              "subprotocol-required",
              "WebSocket subprotocol required",
              "open the WebSocket with the subprotocol "
                  + StreamEndpoints.WEBSOCKET_SUBPROTOCOL
                  + " (Sec-WebSocket-Protocol)"));
      return;
    }
    Context context = ctx.vertx().getOrCreateContext();
    Future.fromCompletionStage(opener.open(ctx), context)
        .onSuccess(request -> upgrade(ctx, context, request))
        .onFailure(failure -> support.fail(ctx, failure));
  }

  private void upgrade(RoutingContext ctx, Context context, StreamRequest request) {
    ctx.request()
        .toWebSocket()
        .onSuccess(socket -> start(context, request, socket))
        .onFailure(failure -> support.fail(ctx, failure));
  }

  private void start(Context context, StreamRequest request, ServerWebSocket socket) {
    WebSocketSink sink = new WebSocketSink(socket);
    try {
      streams.start(context, request, sink);
    } catch (RuntimeException e) {
      socket.close(WebSocketSink.TRY_AGAIN_LATER, "the broker refused the subscription");
    }
  }
}
