package io.sluice.nats.internal;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.sluice.envelope.BinaryMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.envelope.JsonFormat;
import io.sluice.subject.Subject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CloudEvents NATS protocol binding. Sluice publishes binary mode: attributes as {@code ce-}
 * headers, {@code datacontenttype} as {@code content-type}, data as the payload. On receive both
 * binary mode and structured mode ({@code content-type: application/cloudevents+json}) are read.
 */
final class EventCodec {
  /** JetStream's de-duplication header. */
  static final String MSG_ID = "Nats-Msg-Id";

  private static final String CONTENT_TYPE = "content-type";
  private static final byte[] EMPTY = new byte[0];
  private static final SharedHeaders SHARED = new SharedHeaders();

  private EventCodec() {}

  /** A binary-mode message; an {@code idempotencykey} also becomes {@code Nats-Msg-Id}. */
  static Message encode(Subject subject, CloudEvent event, String replyTo) {
    return NatsMessage.builder()
        .subject(subject.value())
        .replyTo(replyTo)
        .headers(headers(event))
        .data(body(event))
        .build();
  }

  /**
   * The binary-mode headers: attributes as {@code ce-} headers, {@code content-type}, and {@code
   * Nats-Msg-Id} from an {@code idempotencykey}. Written straight into the client's header type and
   * sealed, so the client sends them without copying them.
   */
  static Headers headers(CloudEvent event) {
    SealedHeaders headers = SHARED.startFor(event);
    BinaryMode.writeOwnHeaders(event, BinaryMode.HTTP_PREFIX, headers::put);
    event.extensionAsString(Extensions.IDEMPOTENCY_KEY).ifPresent(k -> headers.put(MSG_ID, k));
    return headers.seal();
  }

  /** The payload, empty when the event has no data. */
  static byte[] body(CloudEvent event) {
    return event.data().orElse(EMPTY);
  }

  /** Reads a binary-mode or structured-mode event; throws InvalidEventException otherwise. */
  static CloudEvent decode(Message message) {
    Map<String, String> headers = firstValues(message.getHeaders());
    byte[] body = message.getData() == null ? EMPTY : message.getData();
    String contentType = headers.getOrDefault(CONTENT_TYPE, "");
    if (contentType.toLowerCase(Locale.ROOT).startsWith(JsonFormat.CONTENT_TYPE)) {
      return JsonFormat.decode(body);
    }
    return BinaryMode.fromHeaders(headers, BinaryMode.HTTP_PREFIX, body);
  }

  private static Map<String, String> firstValues(Headers headers) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers == null) {
      return map;
    }
    for (String key : headers.keySet()) {
      List<String> values = headers.get(key);
      if (values != null && !values.isEmpty()) {
        map.put(key, values.get(0));
      }
    }
    return map;
  }
}
