package io.sluice.envelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

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
    Map<String, String> headers = new LinkedHashMap<>();
    writeHeaders(event, prefix, headers::put);
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Hands each header of {@link #toHeaders} to {@code sink}, with the same names and values,
   * without building a map: for adapters that fill their client's own header type on every publish.
   * The same as {@link #writeSharedHeaders} followed by {@link #writeOwnHeaders}.
   */
  public static void writeHeaders(
      CloudEvent event, String prefix, BiConsumer<String, String> sink) {
    writeSharedHeaders(event, prefix, sink);
    writeOwnHeaders(event, prefix, sink);
  }

  /**
   * The headers that every event of one kind shares: {@code specversion}, {@code source}, {@code
   * type}, {@code dataschema} and {@code content-type}. They depend only on those attributes, so an
   * adapter may encode them once per kind and reuse the result.
   */
  public static void writeSharedHeaders(
      CloudEvent event, String prefix, BiConsumer<String, String> sink) {
    HeaderNames names = HeaderNames.of(requirePrefix(prefix));
    boolean encoded = percentEncoded(prefix);
    sink.accept(names.specVersion(), event.specVersion());
    sink.accept(names.source(), value(event.source(), encoded));
    sink.accept(names.type(), value(event.type(), encoded));
    event.dataSchema().ifPresent(v -> sink.accept(names.dataSchema(), value(v, encoded)));
    event.dataContentType().ifPresent(type -> sink.accept(CONTENT_TYPE, type));
  }

  /** The headers of this one event: {@code id}, {@code subject}, {@code time} and extensions. */
  public static void writeOwnHeaders(
      CloudEvent event, String prefix, BiConsumer<String, String> sink) {
    HeaderNames names = HeaderNames.of(requirePrefix(prefix));
    boolean encoded = percentEncoded(prefix);
    sink.accept(names.id(), value(event.id(), encoded));
    event.subject().ifPresent(v -> sink.accept(names.subject(), value(v, encoded)));
    event.time().ifPresent(v -> sink.accept(names.time(), value(v, encoded)));
    event.extensions().forEach((name, v) -> sink.accept(prefix + name, value(v, encoded)));
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

  private static String value(Object value, boolean percentEncoded) {
    String text = value.toString();
    return percentEncoded ? PercentEncoding.encode(text) : text;
  }

  private static String requirePrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("header prefix must not be empty but was " + prefix);
    }
    return prefix;
  }
}
