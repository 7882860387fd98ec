package io.sluice.gateway.internal;

import io.sluice.gateway.idempotency.StoredResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON and problem responses, always with the request id header. */
final class Responder {
  static final String REQUEST_ID_HEADER = "Sluice-Request-Id";

  private Responder() {}

  static StoredResponse json(int status, Object body) {
    return new StoredResponse(status, Map.of("Content-Type", "application/json"), Json.bytes(body));
  }

  static StoredResponse problem(RoutingContext ctx, Problem problem) {
    RequestState state = RequestState.of(ctx);
    state.problemSlug(problem.slug());
    Map<String, String> headers = new LinkedHashMap<>(problem.headers());
    headers.put("Content-Type", Problem.CONTENT_TYPE);
    return new StoredResponse(
        problem.status(), headers, Json.bytes(problem.toJson(state.requestId())));
  }

  static void send(RoutingContext ctx, StoredResponse response) {
    send(ctx, response, Map.of());
  }

  static void send(RoutingContext ctx, StoredResponse response, Map<String, String> extra) {
    HttpServerResponse http = ctx.response();
    if (http.ended() || http.closed()) {
      return;
    }
    http.setStatusCode(response.status());
    response.headers().forEach(http::putHeader);
    extra.forEach(http::putHeader);
    http.putHeader(REQUEST_ID_HEADER, RequestState.of(ctx).requestId());
    http.end(Buffer.buffer(response.body()));
  }

  static void sendProblem(RoutingContext ctx, Problem problem) {
    send(ctx, problem(ctx, problem));
  }
}
