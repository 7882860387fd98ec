package io.sluice.library.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.envelope.CloudEvent;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * A CloudEvent as the JSON text an outbox row keeps: every attribute, extensions with their JSON
 * types (string, boolean, integer), and the data as base64.
 */
final class EventRows {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventRows() {}

  static String toJson(CloudEvent event) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", event.id()).put("source", event.source()).put("type", event.type());
    event.dataContentType().ifPresent(v -> node.put("datacontenttype", v));
    event.dataSchema().ifPresent(v -> node.put("dataschema", v.toString()));
    event.subject().ifPresent(v -> node.put("subject", v));
    event.time().ifPresent(v -> node.put("time", v.toString()));
    event.data().ifPresent(v -> node.put("data_base64", Base64.getEncoder().encodeToString(v)));
    node.set("extensions", MAPPER.valueToTree(event.extensions()));
    return node.toString();
  }

  static CloudEvent fromJson(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox row is not valid JSON: " + e.getOriginalMessage());
    }
    CloudEvent.Builder b =
        CloudEvent.builder()
            .id(node.path("id").asText())
            .source(node.path("source").asText())
            .type(node.path("type").asText());
    text(node, "datacontenttype").ifPresent(b::dataContentType);
    text(node, "dataschema").map(URI::create).ifPresent(b::dataSchema);
    text(node, "subject").ifPresent(b::subject);
    text(node, "time").map(Instant::parse).ifPresent(b::time);
    text(node, "data_base64").map(Base64.getDecoder()::decode).ifPresent(b::data);
    extensions(node.path("extensions"), b);
    return b.build();
  }

  private static java.util.Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull()
        ? java.util.Optional.empty()
        : java.util.Optional.of(value.asText());
  }

  private static void extensions(JsonNode node, CloudEvent.Builder b) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      Object value = v.isBoolean() ? v.booleanValue() : v.isInt() ? v.intValue() : v.asText();
      b.extension(e.getKey(), value);
    }
  }
}
