package io.sluice.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.contracts.internal.Json;
import io.sluice.contracts.internal.OpenApiWriter;
import java.util.List;

/** An OpenAPI 3.1 document for the gateway's HTTP API, generated from its route list. */
public final class OpenApiDocument {
  private static final ServerInfo DEFAULT_SERVER =
      new ServerInfo(
          "Sluice gateway",
          "0.1.0",
          "localhost:8080",
          false,
          "Publish, request and subscribe to events over HTTP.");

  private final ObjectNode document;

  private OpenApiDocument(ObjectNode document) {
    this.document = document;
  }

  /** Generates the document for the routes, with a default title and a localhost server. */
  public static OpenApiDocument generate(List<RouteDescription> routes) {
    return generate(DEFAULT_SERVER, routes);
  }

  /** Generates the document for the routes of the given server. */
  public static OpenApiDocument generate(ServerInfo server, List<RouteDescription> routes) {
    return new OpenApiDocument(OpenApiWriter.write(server, routes));
  }

  /** A copy of the document tree. */
  public ObjectNode node() {
    return document.deepCopy();
  }

  /** The document as pretty JSON. */
  public String json() {
    return Json.write(document);
  }
}
