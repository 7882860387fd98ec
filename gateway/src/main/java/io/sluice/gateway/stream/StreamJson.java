package io.sluice.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The few JSON documents the streaming endpoints write and read besides CloudEvents. */
final class StreamJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private StreamJson() {}

  /** The body of the final overflow message: why, and the id to resume after. */
  static String overflow(String resumeId) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", SseSink.OVERFLOW_EVENT);
    json.put("reason", "the client fell behind; reconnect with lastEventId to continue");
    json.put("lastEventId", resumeId);
    return write(json);
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tree of a small client message, or null when it is not JSON. */
  static JsonNode readOrNull(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
