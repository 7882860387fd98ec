package io.sluice.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import io.sluice.envelope.BinaryMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents AMQP binding: binary mode with {@code cloudEvents:}-prefixed application
 * properties (headers) and the AMQP {@code content-type} property for {@code datacontenttype}.
 * Structured mode ({@code application/cloudevents+json}) is accepted on receive.
 */
final class AmqpEventCodec {
  static final int PERSISTENT = 2;
  static final int TRANSIENT = 1;

  private AmqpEventCodec() {}

  /** Properties carrying the event's attributes; the body is the event's data. */
  static AMQP.BasicProperties.Builder properties(CloudEvent event, boolean persistent) {
    Map<String, String> attributes = BinaryMode.toHeaders(event, BinaryMode.AMQP_PREFIX);
    Map<String, Object> headers = new LinkedHashMap<>(attributes);
    Object contentType = headers.remove(BinaryMode.CONTENT_TYPE);
    return new AMQP.BasicProperties.Builder()
        .headers(headers)
        .contentType(contentType == null ? null : contentType.toString())
        .deliveryMode(persistent ? PERSISTENT : TRANSIENT);
  }

  static byte[] body(CloudEvent event) {
    return event.data().orElse(new byte[0]);
  }

  /** Decodes binary or structured mode; throws InvalidEventException when it is neither. */
  static CloudEvent decode(AMQP.BasicProperties properties, byte[] body) {
    String contentType = properties.getContentType();
    if (contentType != null && contentType.startsWith(JsonFormat.CONTENT_TYPE)) {
      return JsonFormat.decode(body);
    }
    Map<String, String> headers = new HashMap<>();
    if (properties.getHeaders() != null) {
      properties.getHeaders().forEach((name, value) -> headers.put(name, String.valueOf(value)));
    }
    if (contentType != null) {
      headers.put(BinaryMode.CONTENT_TYPE, contentType);
    }
    return BinaryMode.fromHeaders(headers, BinaryMode.AMQP_PREFIX, body);
  }
}
