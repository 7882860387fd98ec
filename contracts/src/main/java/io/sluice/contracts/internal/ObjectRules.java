package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.contracts.ChangeKind;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** {@code properties}, {@code required} and {@code additionalProperties}. */
final class ObjectRules {
  private ObjectRules() {}

  static void compare(SchemaComparator c, JsonNode reader, JsonNode writer, String pointer) {
    compareRequired(c, reader, writer, pointer);
    compareProperties(c, reader, writer, pointer);
    if (isClosed(reader) && !isClosed(writer)) {
      c.report(
          c.pick(ChangeKind.ADDITIONAL_PROPERTIES_CLOSED, ChangeKind.ADDITIONAL_PROPERTIES_OPENED),
          pointer + "/additionalProperties",
          c.readerIsNew()
              ? "additionalProperties became false; old data with extra members is rejected"
              : "additionalProperties: false was lifted; old readers reject extra members");
    }
  }

  private static void compareRequired(
      SchemaComparator c, JsonNode reader, JsonNode writer, String pointer) {
    Set<String> writerRequired = names(writer.get("required"));
    JsonNode writerProperties = writer.path("properties");
    for (String name : names(reader.get("required"))) {
      if (writerRequired.contains(name)) {
        continue;
      }
      boolean known = writerProperties.has(name);
      ChangeKind kind =
          c.readerIsNew()
              ? (known ? ChangeKind.FIELD_MADE_REQUIRED : ChangeKind.FIELD_ADDED_AS_REQUIRED)
              : (known ? ChangeKind.FIELD_MADE_OPTIONAL : ChangeKind.REQUIRED_FIELD_REMOVED);
      c.report(kind, pointer + "/properties/" + Json.token(name), describe(kind, name));
    }
  }

  private static String describe(ChangeKind kind, String name) {
    return switch (kind) {
      case FIELD_MADE_REQUIRED -> "'" + name + "' became required";
      case FIELD_ADDED_AS_REQUIRED -> "'" + name + "' was added as required";
      case FIELD_MADE_OPTIONAL -> "'" + name + "' became optional but old readers require it";
      default -> "'" + name + "' was removed but old readers require it";
    };
  }

  private static void compareProperties(
      SchemaComparator c, JsonNode reader, JsonNode writer, String pointer) {
    JsonNode readerProperties = reader.path("properties");
    Iterator<Map.Entry<String, JsonNode>> fields =
        writer.path("properties").properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String at = pointer + "/properties/" + Json.token(field.getKey());
      JsonNode readerField = readerProperties.get(field.getKey());
      if (readerField != null) {
        c.compare(readerField, field.getValue(), at);
      } else if (isClosed(reader)) {
        c.report(
            c.pick(ChangeKind.FIELD_REMOVED, ChangeKind.FIELD_ADDED),
            at,
            "'"
                + field.getKey()
                + (c.readerIsNew() ? "' was removed" : "' was added")
                + " and additionalProperties is false for the "
                + (c.readerIsNew() ? "new" : "old")
                + " reader");
      } else if (reader.get("additionalProperties") != null
          && reader.get("additionalProperties").isObject()) {
        c.compare(reader.get("additionalProperties"), field.getValue(), at);
      }
    }
  }

  private static boolean isClosed(JsonNode schema) {
    JsonNode additional = schema.get("additionalProperties");
    JsonNode unevaluated = schema.get("unevaluatedProperties");
    return (additional != null && additional.isBoolean() && !additional.asBoolean())
        || (unevaluated != null && unevaluated.isBoolean() && !unevaluated.asBoolean());
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new HashSet<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> names.add(n.asText()));
    }
    return names;
  }
}
