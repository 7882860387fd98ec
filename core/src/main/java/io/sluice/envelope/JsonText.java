package io.sluice.envelope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict JSON text: UTF-8 only, no duplicate members, nesting limited to {@value #MAX_DEPTH}
 * levels, standard syntax only (no comments, NaN or single quotes).
 */
final class JsonText {
  /** Deepest nesting a document may have; deeper input is rejected rather than parsed. */
  static final int MAX_DEPTH = 128;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private JsonText() {}

  /** The bytes decoded as UTF-8, or empty when they are not well-formed UTF-8. */
  static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  static JsonParser parser(String text) throws IOException {
    return FACTORY.createParser(text);
  }

  static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  /**
   * Moves past the value at the current token, decoding every string on the way so that an invalid
   * escape anywhere in it is reported.
   */
  static void skipValue(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    int depth = 0;
    do {
      if (token == null) {
        throw new IOException("unexpected end of input");
      }
      depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
      if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
        p.getText();
      }
      if (depth > 0) {
        token = p.nextToken();
      }
    } while (depth > 0);
  }

  /** True when the text is exactly one well-formed JSON value, with optional whitespace. */
  static boolean isSingleValue(String text) {
    try (JsonParser p = parser(text)) {
      if (p.nextToken() == null) {
        return false;
      }
      skipValue(p);
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
