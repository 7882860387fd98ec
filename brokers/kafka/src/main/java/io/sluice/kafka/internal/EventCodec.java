package io.sluice.kafka.internal;

import io.sluice.envelope.BinaryMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents Kafka protocol binding: binary mode writes attributes as {@code ce_} headers,
 * {@code datacontenttype} as {@code content-type} and data as the record value; a record whose
 * {@code content-type} is {@code application/cloudevents+json} is read as structured mode.
 */
final class EventCodec {
  private static final String PREFIX = BinaryMode.KAFKA_PREFIX;

  private EventCodec() {}

  static Headers headers(CloudEvent event, Map<String, String> extra) {
    RecordHeaders headers = new RecordHeaders();
    BinaryMode.toHeaders(event, PREFIX).forEach((k, v) -> headers.add(k, utf8(v)));
    extra.forEach((k, v) -> headers.add(k, utf8(v)));
    return headers;
  }

  static byte[] value(CloudEvent event) {
    return event.data().orElse(new byte[0]);
  }

  static CloudEvent decode(Headers headers, byte[] value) {
    Map<String, String> map = asMap(headers);
    String contentType = map.getOrDefault(BinaryMode.CONTENT_TYPE, "");
    byte[] body = value == null ? new byte[0] : value;
    if (contentType.toLowerCase(Locale.ROOT).startsWith(JsonFormat.CONTENT_TYPE)
        && !map.containsKey(PREFIX + "id")) {
      return JsonFormat.decode(body);
    }
    return BinaryMode.fromHeaders(map, PREFIX, body);
  }

  static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static Map<String, String> asMap(Headers headers) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Header h : headers) {
      map.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
    }
    return map;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
