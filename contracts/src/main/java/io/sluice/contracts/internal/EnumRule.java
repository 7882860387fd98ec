package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.contracts.ChangeKind;
import java.util.ArrayList;
import java.util.List;

/** {@code enum} and {@code const}: every value the writer allows must stay allowed. */
final class EnumRule {
  private EnumRule() {}

  static void compare(SchemaComparator c, JsonNode reader, JsonNode writer, String pointer) {
    List<JsonNode> readerValues = values(reader);
    if (readerValues == null) {
      return;
    }
    List<JsonNode> writerValues = values(writer);
    if (writerValues == null) {
      c.report(
          c.pick(ChangeKind.CONSTRAINT_TIGHTENED, ChangeKind.CONSTRAINT_LOOSENED),
          pointer + "/enum",
          c.readerIsNew()
              ? "an enum restriction " + readerValues + " was added"
              : "the enum restriction " + readerValues + " was removed");
      return;
    }
    for (JsonNode value : writerValues) {
      if (!readerValues.contains(value)) {
        c.report(
            c.pick(ChangeKind.ENUM_VALUE_REMOVED, ChangeKind.ENUM_VALUE_ADDED),
            pointer + "/enum",
            "enum value " + value + (c.readerIsNew() ? " was removed" : " was added"));
      }
    }
  }

  private static List<JsonNode> values(JsonNode schema) {
    if (schema.has("const")) {
      return List.of(schema.get("const"));
    }
    JsonNode values = schema.get("enum");
    if (values == null || !values.isArray()) {
      return null;
    }
    List<JsonNode> list = new ArrayList<>();
    values.forEach(list::add);
    return list;
  }
}
