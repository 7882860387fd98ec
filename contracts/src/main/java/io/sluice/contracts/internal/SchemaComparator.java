package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.contracts.BreakingChange;
import io.sluice.contracts.ChangeKind;
import io.sluice.contracts.CompatibilityMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a reader schema and a writer schema side by side and reports where the reader rejects
 * something the writer accepts. Members absent from the writer's schema are assumed absent from its
 * data; composition keywords ({@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}, {@code
 * $ref}, {@code if}) must be equal or the change is reported as unprovable.
 */
public final class SchemaComparator {
  private final boolean readerIsNew;
  private final CompatibilityMode direction;
  private final List<BreakingChange> changes = new ArrayList<>();

  private SchemaComparator(boolean readerIsNew) {
    this.readerIsNew = readerIsNew;
    this.direction = readerIsNew ? CompatibilityMode.BACKWARD : CompatibilityMode.FORWARD;
  }

  /** Changes that stop new readers from reading old data. */
  public static List<BreakingChange> backward(JsonNode oldSchema, JsonNode newSchema) {
    return new SchemaComparator(true).run(newSchema, oldSchema);
  }

  /** Changes that stop old readers from reading new data. */
  public static List<BreakingChange> forward(JsonNode oldSchema, JsonNode newSchema) {
    return new SchemaComparator(false).run(oldSchema, newSchema);
  }

  private List<BreakingChange> run(JsonNode reader, JsonNode writer) {
    compare(reader, writer, "");
    return changes;
  }

  void report(ChangeKind kind, String pointer, String message) {
    changes.add(new BreakingChange(kind, pointer, direction, message));
  }

  /** Chooses the name of a change by which side holds the stricter schema. */
  ChangeKind pick(ChangeKind whenReaderIsNew, ChangeKind whenReaderIsOld) {
    return readerIsNew ? whenReaderIsNew : whenReaderIsOld;
  }

  void compare(JsonNode reader, JsonNode writer, String pointer) {
    if (reader == null || writer == null || reader.equals(writer)) {
      return;
    }
    if (reader.isBoolean() || writer.isBoolean()) {
      compareBooleanSchemas(reader, writer, pointer);
      return;
    }
    Composition.compare(this, reader, writer, pointer);
    TypeRule.compare(this, reader, writer, pointer);
    EnumRule.compare(this, reader, writer, pointer);
    Bounds.compare(this, reader, writer, pointer);
    ObjectRules.compare(this, reader, writer, pointer);
    if (reader.has("items") || writer.has("items")) {
      compare(orTrue(reader.get("items")), orTrue(writer.get("items")), pointer + "/items");
    }
  }

  private void compareBooleanSchemas(JsonNode reader, JsonNode writer, String pointer) {
    boolean readerRejectsAll = reader.isBoolean() && !reader.asBoolean();
    boolean writerRejectsAll = writer.isBoolean() && !writer.asBoolean();
    if (readerRejectsAll && !writerRejectsAll) {
      report(
          pick(ChangeKind.CONSTRAINT_TIGHTENED, ChangeKind.CONSTRAINT_LOOSENED),
          pointer,
          "schema " + (readerIsNew ? "now" : "previously") + " rejects every value");
    } else if (reader.isObject()) {
      compare(reader, Json.object(), pointer);
    }
  }

  static JsonNode orTrue(JsonNode node) {
    return node == null ? com.fasterxml.jackson.databind.node.BooleanNode.TRUE : node;
  }

  boolean readerIsNew() {
    return readerIsNew;
  }
}
