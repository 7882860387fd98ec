package io.sluice.gateway.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapper of the HTTP layer. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails as {@code readTree} does with {@code FAIL_ON_TRAILING_TOKENS} when anything follows the
   * value the parser has just finished.
   */
  static void requireEnd(JsonParser parser) throws IOException {
    JsonToken trailing = parser.nextToken();
    if (trailing != null) {
      throw MismatchedInputException.from(
          parser,
          JsonNode.class,
          "Trailing token (of type "
              + trailing
              + ") found after value (bound as "
              + ClassUtil.nameOf(JsonNode.class)
              + "): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
    }
  }

  /** Parses JSON text that is known to be valid (e.g. a registered schema). */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
