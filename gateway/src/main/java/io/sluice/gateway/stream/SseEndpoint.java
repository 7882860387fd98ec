package io.sluice.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/events/{pattern}}: checks the request, then streams Server-Sent Events. */
final class SseEndpoint {
  private final StreamOpener opener;
  private final Streams streams;
  private final EndpointSupport support;

  SseEndpoint(StreamOpener opener, Streams streams, EndpointSupport support) {
    this.opener = opener;
    this.streams = streams;
    this.support = support;
  }

  void handle(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    if (accept != null && !accept.contains("text/event-stream") && !accept.contains("*/*")) {
      support.fail(
          ctx,
          support.problem(
              406,
              "not-acceptable",
              "Not acceptable",
              "GET /v1/events/{pattern} answers text/event-stream but Accept was '"
                  + accept
                  + "'"));
      return;
    }
    Context context = ctx.vertx().getOrCreateContext();
    Future.fromCompletionStage(opener.open(ctx), context)
        .onSuccess(request -> start(ctx, context, request))
        .onFailure(failure -> support.fail(ctx, failure));
  }

  private void start(RoutingContext ctx, Context context, StreamRequest request) {
    if (ctx.response().closed()) {
      return;
    }
    SseSink sink = SseSink.open(ctx.vertx(), ctx.response(), streams.config().heartbeat());
    try {
      streams.start(context, request, sink);
      sink.begin();
    } catch (RuntimeException e) {
      sink.cancelHeartbeat();
      support.fail(ctx, e);
    }
  }
}
