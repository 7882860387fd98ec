package io.sluice.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.contracts.internal.Json;
import io.sluice.contracts.internal.RecordSchemaWriter;

/**
 * Derives a draft 2020-12 JSON Schema from a record: one property per component, Bean Validation
 * constraints as keywords, nested records inline.
 *
 * <p>A component is required unless its type is {@code Optional}/{@code OptionalInt}/... or it
 * carries an annotation named {@code Nullable} (any package); a nullable component also accepts
 * {@code null}. Objects stay open (no {@code additionalProperties: false}) so that adding an
 * optional component later is a compatible change.
 */
public final class RecordSchemas {
  private RecordSchemas() {}

  /** The schema as a JSON object, with {@code $schema} and {@code title}. */
  public static ObjectNode of(Class<? extends Record> type) {
    return RecordSchemaWriter.document(type);
  }

  /** The schema as pretty JSON text, ready for {@link SchemaRegistry#register}. */
  public static String json(Class<? extends Record> type) {
    return Json.write(of(type));
  }
}
