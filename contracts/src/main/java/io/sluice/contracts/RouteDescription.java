package io.sluice.contracts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One HTTP route as the gateway's {@code Routes} lists it, for the OpenAPI document.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the path with {@code {name}} parameters, e.g. {@code /v1/events/{subject}}
 * @param summary one line
 * @param requestContentTypes accepted request media types; empty for no body
 * @param requestSchema the request body's JSON Schema, shared by every content type
 * @param responses every response, at least one
 * @param security schemes accepted; empty for an unauthenticated route
 */
public record RouteDescription(
    String method,
    String path,
    String summary,
    List<String> requestContentTypes,
    Optional<String> requestSchema,
    List<ResponseDescription> responses,
    Set<SecurityScheme> security) {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  public RouteDescription {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(requestSchema, "requestSchema");
    method = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("method must be an HTTP method but was '" + method + "'");
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/' but was '" + path + "'");
    }
    requestContentTypes = List.copyOf(requestContentTypes);
    responses = List.copyOf(responses);
    security = Set.copyOf(security);
    if (responses.isEmpty()) {
      throw new IllegalArgumentException(method + " " + path + " must list at least one response");
    }
  }

  /** A route without a request body. */
  public static RouteDescription of(
      String method, String path, String summary, ResponseDescription... responses) {
    return new RouteDescription(
        method, path, summary, List.of(), Optional.empty(), List.of(responses), Set.of());
  }

  /** This route accepting a body of the given schema in the given media types. */
  public RouteDescription accepting(String schemaJson, String... contentTypes) {
    return new RouteDescription(
        method, path, summary, List.of(contentTypes), Optional.of(schemaJson), responses, security);
  }

  /** This route requiring one of the given schemes. */
  public RouteDescription securedBy(SecurityScheme... schemes) {
    return new RouteDescription(
        method, path, summary, requestContentTypes, requestSchema, responses, Set.of(schemes));
  }
}
