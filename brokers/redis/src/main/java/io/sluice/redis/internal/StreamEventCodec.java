package io.sluice.redis.internal;

import io.sluice.envelope.BinaryMode;
import io.sluice.envelope.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudEvent as stream entry fields, binary-mode style: attributes as {@code ce-*} fields
 * (percent-encoded as in the HTTP binding), {@code content-type} for {@code datacontenttype} and
 * the payload, byte for byte, in {@code data}. Fields starting with {@code sluice-} are the
 * adapter's own (request correlation) and never part of the event.
 */
final class StreamEventCodec {
  static final String DATA = "data";
  static final String REPLY_TO = "sluice-reply-to";
  static final String CORRELATION = "sluice-correlation";

  private StreamEventCodec() {}

  static Map<String, byte[]> fields(CloudEvent event) {
    Map<String, byte[]> fields = new LinkedHashMap<>();
    BinaryMode.toHeaders(event, BinaryMode.HTTP_PREFIX)
        .forEach((name, value) -> fields.put(name, value.getBytes(StandardCharsets.UTF_8)));
    event.data().ifPresent(data -> fields.put(DATA, data));
    return fields;
  }

  static CloudEvent decode(Map<String, byte[]> fields) {
    Map<String, String> headers = new HashMap<>();
    fields.forEach(
        (name, value) -> {
          if (!name.equals(DATA)) {
            headers.put(name, new String(value, StandardCharsets.UTF_8));
          }
        });
    byte[] data = fields.getOrDefault(DATA, new byte[0]);
    return BinaryMode.fromHeaders(headers, BinaryMode.HTTP_PREFIX, data);
  }

  static String text(Map<String, byte[]> fields, String name) {
    byte[] value = fields.get(name);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }
}
