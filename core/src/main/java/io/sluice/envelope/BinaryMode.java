package io.sluice.envelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Binary content mode: attributes travel as protocol headers with a binding-specific prefix and
 * {@code data} travels as the message body. HTTP and NATS use {@code ce-}, Kafka {@code ce_}, AMQP
 * {@code cloudEvents:}. {@code datacontenttype} maps to the protocol's {@code content-type} header.
 *
 * <p>With the HTTP/NATS prefix, header values are percent-encoded as the HTTP binding requires (the
 * UTF-8 bytes of space, {@code "}, {@code %} and anything outside printable ASCII) and decoded on
 * the way back. Extension values arrive as strings, their canonical form: a Boolean or Integer
 * extension becomes its string form after a binary round trip. An empty body means no data.
 */
public final class BinaryMode {
  /** Prefix of the HTTP and NATS bindings. */
  public static final String HTTP_PREFIX = "ce-";

  /** Prefix of the Kafka binding. */
  public static final String KAFKA_PREFIX = "ce_";

  /** Prefix of the AMQP binding. */
  public static final String AMQP_PREFIX = "cloudEvents:";

  /** Header that carries {@code datacontenttype}. */
  public static final String CONTENT_TYPE = "content-type";

  private BinaryMode() {}

  /** Attributes as headers (values percent-encoded where the binding requires); data excluded. */
  public static Map<String, String> toHeaders(CloudEvent event, String prefix) {
    requirePrefix(prefix);
    Map<String, String> headers = new LinkedHashMap<>();
    put(headers, prefix, Attributes.SPECVERSION, Optional.of(event.specVersion()));
    put(headers, prefix, Attributes.ID, Optional.of(event.id()));
    put(headers, prefix, Attributes.SOURCE, Optional.of(event.source()));
    put(headers, prefix, Attributes.TYPE, Optional.of(event.type()));
    put(headers, prefix, Attributes.DATASCHEMA, event.dataSchema());
    put(headers, prefix, Attributes.SUBJECT, event.subject());
    put(headers, prefix, Attributes.TIME, event.time());
    event.extensions().forEach((name, value) -> put(headers, prefix, name, Optional.of(value)));
    event.dataContentType().ifPresent(type -> headers.put(CONTENT_TYPE, type));
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Rebuilds an event from headers (names matched case-insensitively) and the body; throws {@link
   * InvalidEventException} naming every broken rule. Headers without the prefix are ignored, except
   * {@code content-type}.
   */
  public static CloudEvent fromHeaders(Map<String, String> headers, String prefix, byte[] body) {
    requirePrefix(prefix);
    return new BinaryEventReader(prefix, percentEncoded(prefix)).read(headers, body);
  }

  static boolean percentEncoded(String prefix) {
    return prefix.equalsIgnoreCase(HTTP_PREFIX);
  }

  private static void put(
      Map<String, String> headers, String prefix, String name, Optional<?> value) {
    value.ifPresent(
        v -> {
          String text = v.toString();
          headers.put(prefix + name, percentEncoded(prefix) ? PercentEncoding.encode(text) : text);
        });
  }

  private static void requirePrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("header prefix must not be empty but was " + prefix);
    }
  }
}
