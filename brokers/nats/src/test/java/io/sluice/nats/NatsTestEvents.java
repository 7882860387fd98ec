package io.sluice.nats;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Small events for the adapter's tests. */
final class NatsTestEvents {
  private NatsTestEvents() {}

  static CloudEvent event(String id) {
    return CloudEvent.builder()
        .id(id)
        .source("/sluice/nats-test")
        .type("io.sluice.nats.tested")
        .data("text/plain", id.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  static CloudEvent keyed(String id, String idempotencyKey) {
    return event(id).toBuilder().extension(Extensions.IDEMPOTENCY_KEY, idempotencyKey).build();
  }

  /** A token unique to one test, so subjects and groups never collide. */
  static String unique() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
