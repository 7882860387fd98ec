package io.sluice.embedded;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Small events for tests. */
final class TestEvents {
  private TestEvents() {}

  static CloudEvent event(String data) {
    return builder(data).build();
  }

  static CloudEvent withKey(String data, String partitionKey) {
    return builder(data).extension(Extensions.PARTITION_KEY, partitionKey).build();
  }

  static CloudEvent idempotent(String data, String idempotencyKey) {
    return builder(data).extension(Extensions.IDEMPOTENCY_KEY, idempotencyKey).build();
  }

  static CloudEvent.Builder builder(String data) {
    return CloudEvent.builder()
        .id(UUID.randomUUID().toString())
        .source("/tests")
        .type("io.sluice.test")
        .data("text/plain", data.getBytes(StandardCharsets.UTF_8));
  }

  static String text(CloudEvent event) {
    return new String(event.data().orElseThrow(), StandardCharsets.UTF_8);
  }
}
