package io.sluice.envelope;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads structured events with a streaming parser. Member problems are collected per event; a
 * syntax error stops reading and is reported with everything found before it.
 */
final class JsonEventReader {
  private static final int MAX_DETAIL = 160;

  private final JsonParser parser;
  private final String source;
  private final List<Violation> violations = new ArrayList<>();

  private JsonEventReader(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  static CloudEvent readEvent(byte[] json) {
    return read(json, JsonEventReader::event);
  }

  static List<CloudEvent> readBatch(byte[] json) {
    return read(json, JsonEventReader::batch);
  }

  private interface Body<T> {
    T read(JsonEventReader reader) throws IOException;
  }

  private static <T> T read(byte[] json, Body<T> body) {
    String text =
        JsonText.utf8(json)
            .orElseThrow(
                () -> new InvalidEventException(new Violation("$", "utf8", "is not valid UTF-8")));
    try (JsonParser parser = JsonText.parser(text)) {
      JsonEventReader reader = new JsonEventReader(parser, text);
      try {
        return body.read(reader);
      } catch (JsonProcessingException e) {
        reader.violations.add(syntaxViolation(e));
        throw new InvalidEventException(reader.violations);
      }
    } catch (IOException e) {
      throw new InvalidEventException(new Violation("$", "json", "could not be read as JSON"));
    }
  }

  private CloudEvent event() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      fail("$", "object", "a structured event must be a JSON object");
    }
    EventDraft draft = new JsonMemberReader(parser, source).readObject();
    expectEnd();
    violations.addAll(draft.violations());
    throwIfAny();
    return draft.build();
  }

  private List<CloudEvent> batch() throws IOException {
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      fail("$", "array", "a batch must be a JSON array of structured events");
    }
    List<CloudEvent> events = new ArrayList<>();
    int index = 0;
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      element(t, "[" + index++ + "]", events);
    }
    expectEnd();
    throwIfAny();
    return List.copyOf(events);
  }

  private void element(JsonToken token, String path, List<CloudEvent> events) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      violations.add(new Violation(path, "object", "must be a JSON object (a structured event)"));
      JsonText.skipValue(parser);
      return;
    }
    EventDraft draft = new JsonMemberReader(parser, source).readObject();
    List<Violation> found = draft.violations();
    if (found.isEmpty()) {
      events.add(draft.build());
    }
    found.forEach(
        v -> violations.add(new Violation(path + "." + v.attribute(), v.rule(), v.message())));
  }

  private void expectEnd() throws IOException {
    if (parser.nextToken() != null) {
      fail("$", "json", "must hold exactly one JSON value");
    }
  }

  private void fail(String attribute, String rule, String message) {
    violations.add(new Violation(attribute, rule, message));
    throw new InvalidEventException(violations);
  }

  private void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new InvalidEventException(violations);
    }
  }

  private static Violation syntaxViolation(JsonProcessingException e) {
    String detail = String.valueOf(e.getOriginalMessage());
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL) + "...";
    }
    var where = e.getLocation();
    String at =
        where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    return new Violation("$", "json", "is not well-formed JSON" + at + ": " + detail);
  }
}
