package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.contracts.EnvelopeMode;
import io.sluice.contracts.RegisteredSchema;

/**
 * An AsyncAPI message per registered schema: in structured mode the payload is the whole CloudEvent
 * with {@code data} constrained by the schema; in binary mode the {@code ce-*} headers carry the
 * attributes and the payload is the data.
 */
final class CloudEventMessages {
  private CloudEventMessages() {}

  static ObjectNode message(RegisteredSchema schema, EnvelopeMode mode) {
    ObjectNode message = Json.object();
    message.put("name", schema.type());
    message.put("title", schema.type() + " version " + schema.version());
    message.put(
        "summary", "CloudEvent of type " + schema.type() + ", schema version " + schema.version());
    JsonNode data = inline(schema);
    if (mode == EnvelopeMode.STRUCTURED) {
      message.put("contentType", "application/cloudevents+json");
      message.set("payload", structured(schema, data));
    } else {
      message.put("contentType", "application/json");
      message.set("headers", binaryHeaders(schema));
      message.set("payload", data);
    }
    return message;
  }

  /** The schema without document-level keywords the AsyncAPI schema format does not take. */
  private static JsonNode inline(RegisteredSchema schema) {
    JsonNode node = Json.parseSchema(schema.schemaJson());
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).deepCopy();
      copy.remove("$schema");
      copy.remove("$id");
      return copy;
    }
    return node;
  }

  private static ObjectNode structured(RegisteredSchema schema, JsonNode data) {
    ObjectNode payload = Json.object().put("type", "object");
    ObjectNode p = payload.putObject("properties");
    p.putObject("specversion").put("type", "string").put("const", "1.0");
    p.putObject("id").put("type", "string").put("minLength", 1);
    p.putObject("source").put("type", "string").put("format", "uri-reference");
    p.putObject("type").put("type", "string").put("const", schema.type());
    p.putObject("time").put("type", "string").put("format", "date-time");
    p.putObject("subject").put("type", "string");
    p.putObject("datacontenttype").put("type", "string");
    p.putObject("dataschema").put("type", "string").put("format", "uri");
    p.putObject("eventversion")
        .put("type", "string")
        .put("const", String.valueOf(schema.version()));
    p.set("data", data);
    payload.putArray("required").add("specversion").add("id").add("source").add("type");
    return payload;
  }

  private static ObjectNode binaryHeaders(RegisteredSchema schema) {
    ObjectNode headers = Json.object().put("type", "object");
    ObjectNode p = headers.putObject("properties");
    p.putObject("ce-specversion").put("type", "string").put("const", "1.0");
    p.putObject("ce-id").put("type", "string").put("minLength", 1);
    p.putObject("ce-source").put("type", "string");
    p.putObject("ce-type").put("type", "string").put("const", schema.type());
    p.putObject("ce-time").put("type", "string").put("format", "date-time");
    p.putObject("ce-eventversion")
        .put("type", "string")
        .put("const", String.valueOf(schema.version()));
    headers.putArray("required").add("ce-specversion").add("ce-id").add("ce-source").add("ce-type");
    return headers;
  }
}
