package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.contracts.ChangeKind;
import java.util.Set;
import java.util.TreeSet;

/** The {@code type} keyword: the reader must accept every type the writer accepts. */
final class TypeRule {
  private static final Set<String> ALL =
      Set.of("null", "boolean", "object", "array", "number", "integer", "string");

  private TypeRule() {}

  static void compare(SchemaComparator c, JsonNode reader, JsonNode writer, String pointer) {
    Set<String> readerTypes = types(reader);
    Set<String> writerTypes = types(writer);
    Set<String> rejected = new TreeSet<>();
    for (String type : writerTypes) {
      if (!accepts(readerTypes, type)) {
        rejected.add(type);
      }
    }
    if (rejected.isEmpty()) {
      return;
    }
    boolean subset =
        writerTypes.containsAll(readerTypes) || isIntegerOnly(readerTypes, writerTypes);
    ChangeKind kind =
        subset
            ? c.pick(ChangeKind.TYPE_NARROWED, ChangeKind.TYPE_WIDENED)
            : ChangeKind.TYPE_CHANGED;
    c.report(
        kind,
        pointer + "/type",
        "type changed from "
            + (c.readerIsNew()
                ? writerTypes + " to " + readerTypes
                : readerTypes + " to " + writerTypes)
            + "; "
            + rejected
            + " no longer accepted by the "
            + (c.readerIsNew() ? "new" : "old")
            + " reader");
  }

  private static boolean isIntegerOnly(Set<String> reader, Set<String> writer) {
    return reader.equals(Set.of("integer")) && writer.contains("number");
  }

  private static boolean accepts(Set<String> readerTypes, String type) {
    return readerTypes.contains(type) || ("integer".equals(type) && readerTypes.contains("number"));
  }

  private static Set<String> types(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return new TreeSet<>(ALL);
    }
    Set<String> types = new TreeSet<>();
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      types.add(type.asText());
    }
    return types;
  }
}
