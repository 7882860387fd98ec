package io.sluice.pulsar.internal;

import io.sluice.envelope.BinaryMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import java.util.Locale;
import java.util.Map;

/**
 * CloudEvents over Pulsar. Pulsar has no CloudEvents binding, so Sluice writes binary mode with the
 * HTTP binding's names as message properties ({@code ce-id}, {@code ce-type}, ... and {@code
 * content-type}) and the data as the payload. A message whose {@code content-type} is {@code
 * application/cloudevents+json} is read as structured mode.
 */
final class EventCodec {
  static final String PREFIX = BinaryMode.HTTP_PREFIX;

  private EventCodec() {}

  static Map<String, String> properties(CloudEvent event) {
    return BinaryMode.toHeaders(event, PREFIX);
  }

  static byte[] payload(CloudEvent event) {
    return event.data().orElse(new byte[0]);
  }

  static CloudEvent decode(Map<String, String> properties, byte[] payload) {
    String contentType = properties.getOrDefault(BinaryMode.CONTENT_TYPE, "");
    if (contentType.toLowerCase(Locale.ROOT).startsWith(JsonFormat.CONTENT_TYPE)
        && !properties.containsKey(PREFIX + "id")) {
      return JsonFormat.decode(payload);
    }
    return BinaryMode.fromHeaders(properties, PREFIX, payload);
  }
}
