package io.sluice.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.RecordingHandler;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryRetentionTest {
  private static final Subject LOG = Subject.of("retention.log");
  private final Broker broker =
      Broker.connect(BrokerSpec.of("mem:").withSettings(Map.of("maxRetained", 3)));

  @AfterEach
  void close() {
    broker.close();
  }

  @Test
  void replayFromStart_seesOnlyTheNewestMaxRetainedEvents() {
    publish("e-0", "e-1", "e-2", "e-3", "e-4");
    RecordingHandler handler = RecordingHandler.autoAck();

    broker.subscribe(pattern(), from(StartPosition.all()), handler);

    await().until(() -> handler.count() == 3);
    assertThat(handler.ids()).containsExactly("e-2", "e-3", "e-4");
  }

  @Test
  void replayFromADroppedSequence_startsAtTheOldestRetainedEvent() {
    publish("e-0", "e-1", "e-2", "e-3", "e-4");
    RecordingHandler handler = RecordingHandler.autoAck();

    broker.subscribe(pattern(), from(StartPosition.atSequence(1)), handler);

    await().until(() -> handler.count() == 3);
    assertThat(handler.ids()).containsExactly("e-2", "e-3", "e-4");
  }

  @Test
  void droppingOldEvents_keepsSequencesIncreasing() {
    publish("e-0", "e-1", "e-2", "e-3");

    long next =
        broker
            .publish(LOG, event("e-4"), AckMode.DURABLE)
            .toCompletableFuture()
            .join()
            .sequence()
            .orElseThrow();

    assertThat(next).isEqualTo(5);
  }

  private void publish(String... ids) {
    for (String id : ids) {
      broker.publish(LOG, event(id), AckMode.FIRE_AND_FORGET).toCompletableFuture().join();
    }
  }

  private static SubjectPattern pattern() {
    return SubjectPattern.of("retention.>");
  }

  private static SubscribeOptions from(StartPosition start) {
    return SubscribeOptions.defaults().withStart(start);
  }

  private static CloudEvent event(String id) {
    return CloudEvent.builder().id(id).source("/test").type("retention.tested").build();
  }
}
