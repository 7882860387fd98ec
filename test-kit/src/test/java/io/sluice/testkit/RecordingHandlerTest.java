package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingHandlerTest {
  private final Broker broker = Broker.connect("mem:");

  @AfterEach
  void close() {
    broker.close();
  }

  @Test
  void autoAck_recordsInArrivalOrder_andAcknowledges() {
    RecordingHandler handler = RecordingHandler.autoAck();
    broker.subscribe(
        SubjectPattern.of("rec.>"),
        SubscribeOptions.defaults().withAckWait(Duration.ofMillis(200)),
        handler);

    publish("a");
    publish("b");

    await().until(() -> handler.count() == 2);
    assertThat(handler.ids()).containsExactly("a", "b");
    assertThat(handler.events()).extracting(CloudEvent::id).containsExactly("a", "b");
    assertThat(handler.last().event().id()).isEqualTo("b");
    await().during(Duration.ofMillis(400)).until(() -> handler.count() == 2);
  }

  @Test
  void reacting_handsEachDeliveryToTheReaction() {
    AtomicInteger seen = new AtomicInteger();
    RecordingHandler handler =
        RecordingHandler.reacting(
            d -> {
              seen.incrementAndGet();
              d.ack();
            });
    broker.subscribe(SubjectPattern.of("rec.>"), SubscribeOptions.defaults(), handler);

    publish("a");

    await().until(() -> seen.get() == 1);
    assertThat(handler.get(0).event().id()).isEqualTo("a");
  }

  @Test
  void last_withoutDeliveries_saysSo() {
    assertThatThrownBy(() -> RecordingHandler.manual().last())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no delivery");
  }

  private void publish(String id) {
    CloudEvent event = CloudEvent.builder().id(id).source("/test").type("rec.tested").build();
    broker
        .publish(Subject.of("rec.events"), event, AckMode.FIRE_AND_FORGET)
        .toCompletableFuture()
        .join();
  }
}
