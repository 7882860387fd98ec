package io.sluice.gateway.internal;

import io.sluice.gateway.contracts.ApiDocuments;
import io.sluice.gateway.idempotency.StoredResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /asyncapi.json}, {@code GET /openapi.json} and {@code GET /docs}: the generated API
 * documents, addressed to the host the caller used, and a self-contained page (no external scripts
 * or styles) that renders them. Public, like the health endpoints: they describe the API, they
 * grant nothing.
 */
final class DocumentEndpoints {
  private static final String PAGE_RESOURCE = "api-docs.html";

  private final Services services;
  private final byte[] page;

  DocumentEndpoints(Services services) {
    this.services = services;
    this.page = page();
  }

  void asyncApi(RoutingContext ctx) {
    String json = ApiDocuments.asyncApi(services.config(), host(ctx), services.schemas()).json();
    send(ctx, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  void openApi(RoutingContext ctx) {
    String json = ApiDocuments.openApi(services.config(), host(ctx)).json();
    send(ctx, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  void docs(RoutingContext ctx) {
    send(ctx, "text/html; charset=utf-8", page);
  }

  private static void send(RoutingContext ctx, String contentType, byte[] body) {
    Responder.send(ctx, new StoredResponse(200, Map.of("Content-Type", contentType), body));
  }

  private String host(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    if (authority == null || authority.host().isBlank()) {
      return ApiDocuments.configuredHost(services.config());
    }
    String host = authority.host();
    String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return authority.port() > 0 ? shown + ":" + authority.port() : shown;
  }

  private static byte[] page() {
    try (InputStream in = DocumentEndpoints.class.getResourceAsStream(PAGE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(PAGE_RESOURCE + " is missing from the gateway jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
