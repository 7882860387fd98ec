package io.sluice.gateway.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A real HTTP server on 127.0.0.1 serving a JWKS and an OpenID discovery document. */
final class KeyServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicReference<String> jwks = new AtomicReference<>("{\"keys\":[]}");
  private final AtomicInteger jwksHits = new AtomicInteger();
  private final AtomicInteger discoveryHits = new AtomicInteger();

  KeyServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/certs", this::serveKeys);
    server.createContext("/.well-known/openid-configuration", this::serveDiscovery);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void publish(String jwksJson) {
    jwks.set(jwksJson);
  }

  int jwksHits() {
    return jwksHits.get();
  }

  int discoveryHits() {
    return discoveryHits.get();
  }

  private void serveKeys(HttpExchange exchange) throws IOException {
    jwksHits.incrementAndGet();
    respond(exchange, jwks.get());
  }

  private void serveDiscovery(HttpExchange exchange) throws IOException {
    discoveryHits.incrementAndGet();
    respond(
        exchange, "{\"issuer\":\"" + baseUrl() + "\",\"jwks_uri\":\"" + baseUrl() + "/certs\"}");
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
