package io.sluice.contracts;

import java.util.Objects;

/**
 * A schema held by the registry.
 *
 * @param type the event type
 * @param version the version, starting at 1
 * @param schemaJson the JSON Schema document as registered
 */
public record RegisteredSchema(String type, int version, String schemaJson) {
  public RegisteredSchema {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(schemaJson, "schemaJson");
    if (type.isBlank()) {
      throw new IllegalArgumentException("event type must not be blank");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1 but was " + version);
    }
  }
}
