package io.sluice.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.SubjectPattern;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/stream-tickets} with {@code {"pattern": "orders.>"}}: for browsers, whose
 * EventSource and WebSocket cannot send an Authorization header. The caller authenticates as usual
 * and must be allowed to subscribe to the pattern; the answer is a ticket that opens one stream of
 * that pattern, once, within {@code streaming.ticketTtl}.
 */
final class TicketEndpoint {
  private final EndpointSupport support;
  private final Tickets tickets;

  TicketEndpoint(EndpointSupport support, Tickets tickets) {
    this.support = support;
    this.tickets = tickets;
  }

  void handle(RoutingContext ctx) {
    Future.fromCompletionStage(support.authenticate(ctx), ctx.vertx().getOrCreateContext())
        .map(identity -> issue(ctx, identity))
        .onSuccess(body -> Replies.send(ctx, 201, "application/json", body))
        .onFailure(failure -> support.fail(ctx, failure));
  }

  private byte[] issue(RoutingContext ctx, Identity identity) {
    support.throttle(identity);
    String pattern = pattern(ctx);
    support.describe(ctx, pattern);
    support.authorize(identity, Action.SUBSCRIBE, pattern);
    Ticket ticket =
        tickets
            .issue(identity, pattern)
            .orElseThrow(
                () ->
                    support.problem(
                        503,
                        "too-many-tickets",
                        "Too many stream tickets",
                        "too many unused stream tickets are waiting; retry in a minute"));
    String encoded = URLEncoder.encode(pattern, StandardCharsets.UTF_8);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ticket", ticket.value());
    json.put("pattern", pattern);
    json.put("expiresAt", ticket.expiresAt().toString());
    json.put("events", "/v1/events/" + encoded + "?ticket=" + ticket.value());
    json.put("websocket", "/v1/ws/" + encoded + "?ticket=" + ticket.value());
    return StreamJson.write(json).getBytes(StandardCharsets.UTF_8);
  }

  private String pattern(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    JsonNode json = body == null ? null : StreamJson.readOrNull(body.toString());
    JsonNode pattern = json == null ? null : json.get("pattern");
    if (pattern == null || !pattern.isTextual()) {
      throw support.problem(
          400,
          "malformed-request",
          "Malformed request",
          "the body must be a JSON object such as {\"pattern\": \"orders.>\"}");
    }
    try {
      return SubjectPattern.of(pattern.asText()).value();
    } catch (InvalidSubjectException e) {
      throw support.problem(400, "invalid-subject", "Invalid subject pattern", e.getMessage());
    }
  }
}
