package io.sluice.examples.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sluice.library.EventValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /users {"email": "..."}}: 201 with the new user, 400 for an invalid email. */
final class UsersEndpoint implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UsersEndpoint.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Users users;

  UsersEndpoint(Users users) {
    this.users = users;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      respondTo(exchange);
    } finally {
      exchange.close();
    }
  }

  private void respondTo(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      respond(exchange, 405, Map.of("error", "use POST /users"));
      return;
    }
    try {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      String email = body == null ? "" : body.path("email").asText("");
      String correlationId = "signup-" + UUID.randomUUID();
      UserCreated user = users.create(email, correlationId);
      LOG.info("created user {} (correlation {})", user.userId(), correlationId);
      respond(exchange, 201, Map.of("userId", user.userId(), "correlationId", correlationId));
    } catch (EventValidationException e) {
      respond(exchange, 400, Map.of("error", String.join("; ", e.violations())));
    } catch (Exception e) {
      LOG.error("creating a user failed", e);
      respond(exchange, 500, Map.of("error", "could not create the user"));
    }
  }

  private static void respond(HttpExchange exchange, int status, Map<String, String> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
