package io.sluice.contracts;

import java.util.Objects;
import java.util.Optional;

/**
 * One response a route can give.
 *
 * @param status the HTTP status code
 * @param description what it means
 * @param contentType the body's media type; empty for no body
 * @param schemaJson the body's JSON Schema; empty for the RFC 9457 problem schema when the content
 *     type is {@code application/problem+json}, or for an untyped body
 */
public record ResponseDescription(
    int status, String description, Optional<String> contentType, Optional<String> schemaJson) {
  /** The RFC 9457 media type. */
  public static final String PROBLEM_JSON = "application/problem+json";

  public ResponseDescription {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(schemaJson, "schemaJson");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100..599 but was " + status);
    }
  }

  /** A JSON body with a schema. */
  public static ResponseDescription json(int status, String description, String schemaJson) {
    return new ResponseDescription(
        status, description, Optional.of("application/json"), Optional.of(schemaJson));
  }

  /** An RFC 9457 problem body. */
  public static ResponseDescription problem(int status, String description) {
    return new ResponseDescription(
        status, description, Optional.of(PROBLEM_JSON), Optional.empty());
  }

  /** No body. */
  public static ResponseDescription empty(int status, String description) {
    return new ResponseDescription(status, description, Optional.empty(), Optional.empty());
  }
}
