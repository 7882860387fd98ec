package io.sluice.envelope;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes structured events. JSON payloads are embedded as the {@code data} value when they are
 * well-formed JSON; anything else travels as {@code data_base64}, so the output is always valid.
 */
final class JsonEventWriter {
  private JsonEventWriter() {}

  static byte[] write(CloudEvent event) {
    return generate(g -> writeEvent(g, event));
  }

  static byte[] writeBatch(List<CloudEvent> events) {
    return generate(
        g -> {
          g.writeStartArray();
          for (CloudEvent event : events) {
            writeEvent(g, event);
          }
          g.writeEndArray();
        });
  }

  private interface Body {
    void write(JsonGenerator generator) throws IOException;
  }

  private static byte[] generate(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonText.generator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }

  private static void writeEvent(JsonGenerator g, CloudEvent e) throws IOException {
    g.writeStartObject();
    g.writeStringField(Attributes.SPECVERSION, e.specVersion());
    g.writeStringField(Attributes.ID, e.id());
    g.writeStringField(Attributes.SOURCE, e.source());
    g.writeStringField(Attributes.TYPE, e.type());
    writeOptional(g, Attributes.DATACONTENTTYPE, e.dataContentType());
    writeOptional(g, Attributes.DATASCHEMA, e.dataSchema());
    writeOptional(g, Attributes.SUBJECT, e.subject());
    writeOptional(g, Attributes.TIME, e.time());
    for (Map.Entry<String, Object> x : e.extensions().entrySet()) {
      writeExtension(g, x.getKey(), x.getValue());
    }
    Optional<byte[]> data = e.data();
    if (data.isPresent()) {
      writeData(g, e.dataContentType().orElse(null), data.get());
    }
    g.writeEndObject();
  }

  private static void writeOptional(JsonGenerator g, String name, Optional<?> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get().toString());
    }
  }

  private static void writeExtension(JsonGenerator g, String name, Object value)
      throws IOException {
    g.writeFieldName(name);
    switch (value) {
      case Boolean b -> g.writeBoolean(b);
      case Integer i -> g.writeNumber(i);
      default -> g.writeString(value.toString());
    }
  }

  private static void writeData(JsonGenerator g, String contentType, byte[] data)
      throws IOException {
    Optional<String> json =
        MediaTypes.isJson(contentType)
            ? JsonText.utf8(data).map(String::strip).filter(JsonEventWriter::embeddable)
            : Optional.empty();
    if (json.isPresent()) {
      g.writeFieldName(Attributes.DATA);
      g.writeRawValue(json.get());
    } else {
      g.writeStringField(Attributes.DATA_BASE64, Base64.getEncoder().encodeToString(data));
    }
  }

  /** JSON {@code null} is not embedded: a null {@code data} member would read back as no data. */
  private static boolean embeddable(String json) {
    return !json.equals("null") && JsonText.isSingleValue(json);
  }
}
