package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.contracts.ResponseDescription;
import io.sluice.contracts.RouteDescription;
import io.sluice.contracts.SecurityScheme;
import io.sluice.contracts.ServerInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the OpenAPI 3.1 tree. */
public final class OpenApiWriter {
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
  private final ObjectNode root = Json.object();
  private final Set<SecurityScheme> used = EnumSet.noneOf(SecurityScheme.class);

  private OpenApiWriter() {}

  public static ObjectNode write(ServerInfo server, List<RouteDescription> routes) {
    return new OpenApiWriter().run(server, routes);
  }

  private ObjectNode run(ServerInfo server, List<RouteDescription> routes) {
    root.put("openapi", "3.1.0");
    ObjectNode info = root.putObject("info");
    info.put("title", server.title()).put("version", server.version());
    info.put("description", server.description());
    info.putObject("contact").put("name", server.title());
    root.putArray("servers").addObject().put("url", server.url());
    ObjectNode paths = root.putObject("paths");
    routes.forEach(
        route ->
            Json.child(paths, route.path())
                .set(route.method().toLowerCase(Locale.ROOT), operation(route)));
    root.putArray("tags").addObject().put("name", "gateway").put("description", server.title());
    writeComponents();
    return root;
  }

  private ObjectNode operation(RouteDescription route) {
    ObjectNode op = Json.object();
    op.put("operationId", operationId(route));
    op.put("summary", route.summary());
    op.put("description", route.summary());
    op.putArray("tags").add("gateway");
    parameters(route, op);
    if (!route.requestContentTypes().isEmpty()) {
      ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
      for (String type : route.requestContentTypes()) {
        content.putObject(type).set("schema", schema(route.requestSchema().orElse("{}")));
      }
    }
    ObjectNode responses = op.putObject("responses");
    route.responses().forEach(r -> responses.set(String.valueOf(r.status()), response(r)));
    security(route, op);
    return op;
  }

  private static void parameters(RouteDescription route, ObjectNode op) {
    Matcher m = PARAMETER.matcher(route.path());
    ArrayNode parameters = null;
    while (m.find()) {
      parameters = parameters == null ? op.putArray("parameters") : parameters;
      ObjectNode p = parameters.addObject().put("name", m.group(1)).put("in", "path");
      p.put("required", true).put("description", "The " + m.group(1));
      p.putObject("schema").put("type", "string");
    }
  }

  private void security(RouteDescription route, ObjectNode op) {
    ArrayNode security = op.putArray("security");
    route.security().stream()
        .sorted()
        .forEach(
            s -> {
              used.add(s);
              security.addObject().putArray(s.componentName());
            });
  }

  private ObjectNode response(ResponseDescription r) {
    ObjectNode response = Json.object().put("description", r.description());
    r.contentType()
        .ifPresent(
            type -> {
              ObjectNode media = response.putObject("content").putObject(type);
              if (r.schemaJson().isPresent()) {
                media.set("schema", schema(r.schemaJson().get()));
              } else if (ResponseDescription.PROBLEM_JSON.equals(type)) {
                media.putObject("schema").put("$ref", "#/components/schemas/Problem");
              }
            });
    return response;
  }

  private static ObjectNode schema(String json) {
    ObjectNode schema = (ObjectNode) Json.parseSchema(json).deepCopy();
    schema.remove("$schema");
    return schema;
  }

  private void writeComponents() {
    ObjectNode components = root.putObject("components");
    components.putObject("schemas").set("Problem", ProblemSchema.node());
    if (used.isEmpty()) {
      return;
    }
    ObjectNode schemes = components.putObject("securitySchemes");
    for (SecurityScheme scheme : used) {
      ObjectNode node = schemes.putObject(scheme.componentName());
      switch (scheme) {
        case BEARER_JWT ->
            node.put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        case API_KEY ->
            node.put("type", "apiKey")
                .put("name", SecurityScheme.API_KEY_HEADER)
                .put("in", "header");
        case MTLS -> node.put("type", "mutualTLS");
      }
    }
  }

  private static String operationId(RouteDescription route) {
    String path = route.path().replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_");
    return route.method().toLowerCase(Locale.ROOT) + path.replaceAll("_+$", "");
  }
}
