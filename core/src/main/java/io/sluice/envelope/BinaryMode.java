package io.sluice.envelope;

import java.util.Map;

/**
 * Binary content mode: attributes travel as protocol headers with a binding-specific prefix and
 * {@code data} travels as the message body. HTTP and NATS use {@code ce-}, Kafka {@code ce_}, AMQP
 * {@code cloudEvents:}. {@code datacontenttype} maps to the protocol's {@code content-type} header.
 */
public final class BinaryMode {
  /** Prefix of the HTTP and NATS bindings. */
  public static final String HTTP_PREFIX = "ce-";

  /** Prefix of the Kafka binding. */
  public static final String KAFKA_PREFIX = "ce_";

  /** Prefix of the AMQP binding. */
  public static final String AMQP_PREFIX = "cloudEvents:";

  private BinaryMode() {}

  /** Attributes as headers (values percent-encoded where the binding requires); data excluded. */
  public static Map<String, String> toHeaders(CloudEvent event, String prefix) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Rebuilds an event from headers (names matched case-insensitively) and the body; throws {@link
   * InvalidEventException} naming every broken rule. Headers without the prefix are ignored, except
   * {@code content-type}.
   */
  public static CloudEvent fromHeaders(Map<String, String> headers, String prefix, byte[] body) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
