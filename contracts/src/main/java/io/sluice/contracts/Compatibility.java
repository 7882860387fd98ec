package io.sluice.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.contracts.internal.Json;
import io.sluice.contracts.internal.SchemaComparator;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two versions of a JSON Schema and names every change that breaks a reader.
 *
 * <p>The check asks whether every document the writer's schema accepts is also accepted by the
 * reader's schema: {@link CompatibilityMode#BACKWARD} puts the new schema in the reader's seat,
 * {@link CompatibilityMode#FORWARD} the old one, {@link CompatibilityMode#FULL} does both.
 */
public final class Compatibility {
  private Compatibility() {}

  /** Compares two schema documents given as JSON text. */
  public static CompatibilityReport check(
      String oldSchema, String newSchema, CompatibilityMode mode) {
    return check(Json.parseSchema(oldSchema), Json.parseSchema(newSchema), mode);
  }

  /** Compares two parsed schema documents. */
  public static CompatibilityReport check(
      JsonNode oldSchema, JsonNode newSchema, CompatibilityMode mode) {
    List<BreakingChange> changes = new ArrayList<>();
    if (mode == CompatibilityMode.BACKWARD || mode == CompatibilityMode.FULL) {
      changes.addAll(SchemaComparator.backward(oldSchema, newSchema));
    }
    if (mode == CompatibilityMode.FORWARD || mode == CompatibilityMode.FULL) {
      changes.addAll(SchemaComparator.forward(oldSchema, newSchema));
    }
    return new CompatibilityReport(mode, changes);
  }
}
