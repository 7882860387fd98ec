package io.sluice.envelope;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads the members of one structured event object into an {@link EventDraft}. */
final class JsonMemberReader {
  private final JsonParser parser;
  private final String source;
  private final EventDraft draft = new EventDraft();
  private final JsonData data = new JsonData();

  /** Reads from {@code parser}, which parses {@code source}; data is sliced from the source. */
  JsonMemberReader(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /** Reads from just after START_OBJECT up to and including END_OBJECT. */
  EventDraft readObject() throws IOException {
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = parser.currentName();
      parser.nextToken();
      member(name);
    }
    data.applyTo(draft);
    return draft;
  }

  private void member(String name) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (name.equals(Attributes.DATA)) {
      readData();
    } else if (name.equals(Attributes.DATA_BASE64)) {
      String value = stringValue(name);
      if (value != null) {
        data.base64(value);
      }
    } else if (Attributes.CONTEXT.contains(name)) {
      String value = stringValue(name);
      if (value != null) {
        draft.attribute(name, value);
      }
    } else {
      extension(name);
    }
  }

  private String stringValue(String name) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    draft.violation(name, "string", "must be a JSON string but was " + describe(token));
    JsonText.skipValue(parser);
    return null;
  }

  private void readData() throws IOException {
    long start = parser.currentTokenLocation().getCharOffset();
    String text = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
    JsonText.skipValue(parser);
    long end = parser.currentLocation().getCharOffset();
    data.data(source.substring((int) start, (int) end), text);
  }

  private void extension(String name) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case VALUE_STRING -> draft.extension(name, parser.getText());
      case VALUE_TRUE, VALUE_FALSE -> draft.extension(name, parser.getBooleanValue());
      case VALUE_NUMBER_INT -> integerExtension(name);
      case VALUE_NUMBER_FLOAT ->
          draft.violation(
              name,
              "integer",
              "must be a whole number but was " + Attributes.quote(parser.getText()));
      default -> {
        draft.violation(
            name,
            "extension-type",
            "must be a string, boolean or integer but was " + describe(token));
        JsonText.skipValue(parser);
      }
    }
  }

  private void integerExtension(String name) throws IOException {
    if (parser.getNumberType() == JsonParser.NumberType.INT) {
      draft.extension(name, parser.getIntValue());
    } else {
      draft.violation(
          name,
          "int32",
          "must be an integer between -2147483648 and 2147483647 but was "
              + Attributes.quote(parser.getText()));
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> String.valueOf(token);
    };
  }
}
