package io.sluice.gateway.stream;

import io.sluice.broker.Broker;
import io.sluice.gateway.config.GatewayConfig;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * The endpoints that carry events out of the gateway: Server-Sent Events, WebSocket, stream tickets
 * for browsers, and HTTP request-reply. The router mounts each handler on its path.
 */
public final class StreamEndpoints {
  /** The WebSocket subprotocol: one structured CloudEvent (JSON) per text frame. */
  public static final String WEBSOCKET_SUBPROTOCOL = "cloudevents.json";

  private final SseEndpoint sse;
  private final WebSocketEndpoint webSocket;
  private final TicketEndpoint tickets;
  private final RequestEndpoint request;

  private StreamEndpoints(
      SseEndpoint sse, WebSocketEndpoint webSocket, TicketEndpoint tickets, RequestEndpoint req) {
    this.sse = sse;
    this.webSocket = webSocket;
    this.tickets = tickets;
    this.request = req;
  }

  /** Endpoints over {@code broker}, checked and answered through {@code support}. */
  public static StreamEndpoints create(
      Broker broker, EndpointSupport support, GatewayConfig.Streaming config, Clock clock) {
    Tickets tickets = new Tickets(clock, config.ticketTtl());
    StreamOpener opener = new StreamOpener(support, tickets, new ResumePoints(broker, support));
    Streams streams =
        new Streams(broker, support, config, new StreamMetrics(support.registry()), clock);
    return new StreamEndpoints(
        new SseEndpoint(opener, streams, support),
        new WebSocketEndpoint(opener, streams, support),
        new TicketEndpoint(support, tickets),
        new RequestEndpoint(broker, support));
  }

  /** {@code GET /v1/events/{pattern}} (path parameter {@code pattern}). */
  public void events(RoutingContext ctx) {
    sse.handle(ctx);
  }

  /** {@code GET /v1/ws/{pattern}} (path parameter {@code pattern}). */
  public void webSocket(RoutingContext ctx) {
    webSocket.handle(ctx);
  }

  /** {@code POST /v1/stream-tickets} (needs the body). */
  public void issueTicket(RoutingContext ctx) {
    tickets.handle(ctx);
  }

  /** {@code POST /v1/request/{subject}} (path parameter {@code subject}; needs the body). */
  public void request(RoutingContext ctx) {
    request.handle(ctx);
  }
}
