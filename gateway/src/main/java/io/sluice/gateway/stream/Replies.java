package io.sluice.gateway.stream;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes the successful answers of the streaming endpoints (problems go through support). */
final class Replies {
  private Replies() {}

  static void send(RoutingContext ctx, int status, String contentType, byte[] body) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .setStatusCode(status)
        .putHeader("Content-Type", contentType)
        .putHeader("Cache-Control", "no-store")
        .end(io.vertx.core.buffer.Buffer.buffer(body));
  }
}
