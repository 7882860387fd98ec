package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.contracts.ChangeKind;
import java.util.Objects;

/** Composition and reference keywords: equal or reported, never reasoned about. */
final class Composition {
  private static final String[] KEYWORDS = {
    "allOf", "anyOf", "oneOf", "not", "$ref", "if", "then", "else", "$defs", "prefixItems"
  };

  private Composition() {}

  static void compare(SchemaComparator c, JsonNode reader, JsonNode writer, String pointer) {
    for (String keyword : KEYWORDS) {
      if (!Objects.equals(reader.get(keyword), writer.get(keyword))) {
        c.report(
            ChangeKind.COMPOSITION_CHANGED,
            pointer + "/" + Json.token(keyword),
            "'" + keyword + "' changed; compatibility of composed schemas cannot be proved");
      }
    }
  }
}
