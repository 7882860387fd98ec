package io.sluice.contracts;

import io.sluice.envelope.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Events for tests. */
final class Events {
  private Events() {}

  static CloudEvent.Builder json(String type, String data) {
    return CloudEvent.builder()
        .id(UUID.randomUUID().toString())
        .source("/tests")
        .type(type)
        .data("application/json", data.getBytes(StandardCharsets.UTF_8));
  }
}
