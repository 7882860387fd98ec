package io.sluice.gateway.internal;

import static io.sluice.contracts.ResponseDescription.empty;
import static io.sluice.contracts.ResponseDescription.json;
import static io.sluice.contracts.ResponseDescription.problem;

import io.sluice.contracts.ResponseDescription;
import io.sluice.contracts.RouteDescription;
import io.sluice.contracts.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The description of every route {@link Routes} mounts, keyed by method and documented path: the
 * single source the OpenAPI document is generated from. {@code RouteCatalogTest} fails when a
 * mounted route has no entry here.
 */
final class RouteCatalog {
  private static final String OBJECT = "{\"type\": \"object\"}";
  private static final String EVENT =
      "{\"type\": \"object\", \"required\": [\"specversion\", \"type\", \"source\"],"
          + " \"properties\": {\"specversion\": {\"const\": \"1.0\"},"
          + " \"id\": {\"type\": \"string\"}, \"type\": {\"type\": \"string\"},"
          + " \"source\": {\"type\": \"string\"}, \"subject\": {\"type\": \"string\"},"
          + " \"datacontenttype\": {\"type\": \"string\"}, \"data\": {}}}";
  private static final String BATCH = "{\"type\": \"array\", \"items\": " + EVENT + "}";
  private static final String RECEIPT =
      "{\"type\": \"object\", \"properties\": {\"subject\": {\"type\": \"string\"},"
          + " \"id\": {\"type\": \"string\"}, \"stream\": {\"type\": \"string\"},"
          + " \"sequence\": {\"type\": \"integer\"}}}";
  private static final String RESULTS =
      "{\"type\": \"object\", \"properties\": {\"results\": {\"type\": \"array\","
          + " \"items\": {\"type\": \"object\"}}}}";
  private static final String TEXT = "text/plain";

  private static final Map<String, RouteDescription> ROUTES = new LinkedHashMap<>();

  static {
    add(
        secured(
                "POST",
                "/v1/events/{subject}",
                "Publish one event (structured, binary or plain body) on a subject",
                json(202, "Accepted by the broker; the receipt says where it landed", RECEIPT),
                problem(400, "The request or event is malformed"),
                problem(422, "The event's data violates the schema registered for its type"))
            .accepting(
                EVENT,
                "application/cloudevents+json",
                "application/json",
                "text/plain",
                "application/octet-stream"));
    add(
        secured(
                "POST",
                "/v1/events",
                "Publish a batch of structured events, each with its own result",
                json(202, "Every event was accepted", RESULTS),
                json(207, "Some events were refused; see each result", RESULTS),
                problem(400, "The batch is malformed"))
            .accepting(BATCH, "application/cloudevents-batch+json"));
    add(
        "/v1/events/{pattern}",
        secured(
            "GET",
            "/v1/events/{subject}",
            "Stream events on a subject pattern as Server-Sent Events",
            typed(200, "An event stream", "text/event-stream")));
    add(
        secured(
            "GET",
            "/v1/ws/{pattern}",
            "Stream events on a subject pattern over a WebSocket",
            empty(101, "Switching to the WebSocket protocol")));
    add(
        secured(
                "POST",
                "/v1/stream-tickets",
                "Issue a short-lived ticket for opening a stream from a browser",
                json(201, "The ticket", OBJECT))
            .accepting(OBJECT, "application/json"));
    add(
        secured(
                "POST",
                "/v1/request/{subject}",
                "Send a request event and wait for the reply",
                json(200, "The reply event", EVENT),
                problem(504, "No reply within the timeout"))
            .accepting(EVENT, "application/cloudevents+json", "application/json"));
    add(
        secured(
            "GET",
            "/v1/policy/explain",
            "Explain which policy rule allows or denies an action (admin)",
            json(200, "The decision and the rule behind it", OBJECT)));
    add(
        secured(
            "GET",
            "/v1/audit",
            "List audit records, newest first, filtered and paged by cursor (admin)",
            json(200, "The records and the next page's cursor", OBJECT)));
    add(
        secured(
            "GET",
            "/v1/audit/verify",
            "Verify the audit trail's hash chains (admin)",
            json(200, "Whether every chain is intact, and the first broken link", OBJECT)));
    add(
        secured(
            "GET",
            "/v1/schemas",
            "List every registered event schema version (admin)",
            json(200, "Every (type, version)", OBJECT),
            problem(404, "No schema registry is configured")));
    add(
        secured(
            "GET",
            "/v1/schemas/{type}/{version}",
            "The JSON Schema registered for a type and version (admin)",
            json(200, "The JSON Schema", OBJECT),
            problem(404, "No such schema")));
    add(
        secured(
                "PUT",
                "/v1/schemas/{type}/{version}",
                "Register a JSON Schema for a type and version (admin)",
                json(201, "Registered; the compatibility report", OBJECT),
                json(200, "The same schema was already registered", OBJECT),
                problem(400, "The schema is not a valid draft 2020-12 schema"),
                problem(409, "Refused: the version exists or breaks compatibility"))
            .accepting(OBJECT, "application/json", "application/schema+json"));
    add(
        secured(
                "POST",
                "/v1/push-subscriptions",
                "Create a push subscription (webhook) for a subject pattern (admin)",
                json(201, "Created and running; the secret is never returned", OBJECT),
                problem(400, "The subscription is invalid; every problem is listed"),
                problem(409, "A push subscription with this name exists"))
            .accepting(OBJECT, "application/json"));
    add(
        secured(
            "GET",
            "/v1/push-subscriptions",
            "List push subscriptions with their status (admin)",
            json(200, "Every push subscription, without secrets", OBJECT)));
    add(
        secured(
            "GET",
            "/v1/push-subscriptions/{name}",
            "One push subscription with its status (admin)",
            json(200, "The push subscription, without its secret", OBJECT),
            problem(404, "No such push subscription")));
    add(
        secured(
            "DELETE",
            "/v1/push-subscriptions/{name}",
            "Stop and remove a push subscription created over the API (admin)",
            empty(204, "Removed"),
            problem(404, "No such push subscription"),
            problem(409, "Defined in the configuration file; remove it there")));
    add(
        RouteDescription.of(
            "GET",
            "/asyncapi.json",
            "The AsyncAPI 3.0 document of this gateway's channels and messages",
            json(200, "The AsyncAPI document", OBJECT)));
    add(
        RouteDescription.of(
            "GET",
            "/openapi.json",
            "The OpenAPI 3.1 document of this HTTP API",
            json(200, "The OpenAPI document", OBJECT)));
    add(
        RouteDescription.of(
            "GET", "/docs", "A page that renders both documents", typed(200, "HTML", "text/html")));
    add(RouteDescription.of("GET", "/health/live", "Liveness", empty(200, "The process is up")));
    add(
        RouteDescription.of(
            "GET",
            "/health/ready",
            "Readiness: the broker is connected",
            empty(200, "Ready"),
            problem(503, "Not ready")));
    add(RouteDescription.of("GET", "/metrics", "Prometheus metrics", typed(200, "Metrics", TEXT)));
  }

  private RouteCatalog() {}

  private static void add(RouteDescription description) {
    add(description.path(), description);
  }

  /**
   * A route mounted under another path than the one it is documented at: OpenAPI allows one
   * template per path, so the stream mounted at {@code /v1/events/{pattern}} is documented at
   * {@code /v1/events/{subject}}.
   */
  private static void add(String mountedPath, RouteDescription description) {
    ROUTES.put(description.method() + " " + mountedPath, description);
  }

  private static RouteDescription secured(
      String method, String path, String summary, ResponseDescription... responses) {
    List<ResponseDescription> all = new java.util.ArrayList<>(List.of(responses));
    all.add(problem(401, "Not authenticated"));
    all.add(problem(403, "Not allowed"));
    all.add(problem(429, "Rate limited; see Retry-After"));
    return new RouteDescription(method, path, summary, List.of(), Optional.empty(), all, Set.of())
        .securedBy(SecurityScheme.BEARER_JWT, SecurityScheme.API_KEY, SecurityScheme.MTLS);
  }

  /** A response whose body is of {@code contentType}, without a schema. */
  private static ResponseDescription typed(int status, String description, String contentType) {
    return new ResponseDescription(status, description, Optional.of(contentType), Optional.empty());
  }

  /** The description of a mounted route, e.g. {@code describe("POST", "/v1/events")}. */
  static Optional<RouteDescription> describe(String method, String documentedPath) {
    return Optional.ofNullable(ROUTES.get(method + " " + documentedPath));
  }

  /** Every description, in mounting order. */
  static List<RouteDescription> all() {
    return List.copyOf(ROUTES.values());
  }
}
