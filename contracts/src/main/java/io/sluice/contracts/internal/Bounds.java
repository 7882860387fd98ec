package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.contracts.ChangeKind;
import java.util.Objects;

/** Numeric bounds, lengths, counts, pattern, format and uniqueness. */
final class Bounds {
  private static final String[] LOWER = {
    "minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"
  };
  private static final String[] UPPER = {
    "maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"
  };
  private static final String[] EXACT = {"pattern", "format", "multipleOf"};

  private Bounds() {}

  static void compare(SchemaComparator c, JsonNode reader, JsonNode writer, String pointer) {
    for (String keyword : LOWER) {
      JsonNode r = reader.get(keyword);
      JsonNode w = writer.get(keyword);
      if (r != null && (w == null || r.decimalValue().compareTo(w.decimalValue()) > 0)) {
        tightened(c, pointer, keyword, w, r);
      }
    }
    for (String keyword : UPPER) {
      JsonNode r = reader.get(keyword);
      JsonNode w = writer.get(keyword);
      if (r != null && (w == null || r.decimalValue().compareTo(w.decimalValue()) < 0)) {
        tightened(c, pointer, keyword, w, r);
      }
    }
    for (String keyword : EXACT) {
      JsonNode r = reader.get(keyword);
      if (r != null && !Objects.equals(r, writer.get(keyword))) {
        tightened(c, pointer, keyword, writer.get(keyword), r);
      }
    }
    JsonNode unique = reader.get("uniqueItems");
    if (unique != null && unique.asBoolean() && !writer.path("uniqueItems").asBoolean()) {
      tightened(c, pointer, "uniqueItems", writer.get("uniqueItems"), unique);
    }
  }

  private static void tightened(
      SchemaComparator c, String pointer, String keyword, JsonNode writer, JsonNode reader) {
    JsonNode oldValue = c.readerIsNew() ? writer : reader;
    JsonNode newValue = c.readerIsNew() ? reader : writer;
    c.report(
        c.pick(ChangeKind.CONSTRAINT_TIGHTENED, ChangeKind.CONSTRAINT_LOOSENED),
        pointer + "/" + keyword,
        "'" + keyword + "' changed from " + show(oldValue) + " to " + show(newValue));
  }

  private static String show(JsonNode value) {
    return value == null ? "(none)" : value.toString();
  }
}
