package io.sluice.gateway.push;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Events the push tests publish straight to the broker, as an application would. */
final class PushTestEvents {
  private PushTestEvents() {}

  /**
   * Publishes a new {@code test.event} with a random id on {@code subject} and waits for the ack.
   */
  static CloudEvent publish(Broker broker, String subject) {
    CloudEvent event =
        CloudEvent.builder()
            .id(UUID.randomUUID().toString())
            .source("/push-test")
            .type("test.event")
            .data("application/json", "{\"n\":1}".getBytes(StandardCharsets.UTF_8))
            .build();
    broker.publish(Subject.of(subject), event, AckMode.DURABLE).toCompletableFuture().join();
    return event;
  }
}
