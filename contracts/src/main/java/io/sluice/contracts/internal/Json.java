package io.sluice.contracts.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.contracts.InvalidSchemaException;

/** The one Jackson mapper this module uses, and schema parsing with clear errors. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Parses a schema document, which must be a JSON object or a boolean. */
  public static JsonNode parseSchema(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidSchemaException("schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !(node.isObject() || node.isBoolean())) {
      throw new InvalidSchemaException("schema must be a JSON object or boolean");
    }
    return node;
  }

  /** Pretty JSON text of a node. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The object member with that exact name (never a pointer), created when absent. */
  public static ObjectNode child(ObjectNode parent, String name) {
    JsonNode existing = parent.get(name);
    return existing instanceof ObjectNode object ? object : parent.putObject(name);
  }

  /** Escapes one JSON pointer token (RFC 6901). */
  public static String token(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
