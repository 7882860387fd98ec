package io.sluice.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.ManualClock;
import io.sluice.testkit.RecordingHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryBrokerTest {
  private static final Subject ORDERS = Subject.of("mem.orders");
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final Broker broker = Broker.connect(BrokerSpec.of("mem:").withClock(clock));

  @AfterEach
  void close() {
    broker.close();
  }

  @Test
  void capabilities_areEverythingButNativeDeduplicationAndDurablePublish() {
    assertThat(broker.capabilities())
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.complementOf(
                EnumSet.of(Capability.NATIVE_DEDUPLICATION, Capability.DURABLE_PUBLISH)));
  }

  @Test
  void url_isTheUrlItWasOpenedWith() {
    assertThat(broker.url()).isEqualTo("mem:");
    try (Broker named = Broker.connect("mem:orders")) {
      assertThat(named.url()).isEqualTo("mem:orders");
    }
  }

  @Test
  void receipts_nameTheMemStreamAndAPerBrokerSequence_inBothAckModes() {
    PublishReceipt quick = publish("e-1", AckMode.FIRE_AND_FORGET);
    PublishReceipt durable = publish("e-2", AckMode.DURABLE);

    assertThat(quick.stream()).contains("mem");
    assertThat(quick.ackMode()).isEqualTo(AckMode.FIRE_AND_FORGET);
    assertThat(quick.sequence()).hasValue(1);
    assertThat(durable.ackMode()).isEqualTo(AckMode.DURABLE);
    assertThat(durable.sequence()).hasValue(2);
  }

  @Test
  void sequences_areCountedPerBroker() {
    publish("e-1", AckMode.DURABLE);

    try (Broker other = Broker.connect("mem:")) {
      PublishReceipt first =
          other.publish(ORDERS, event("x"), AckMode.DURABLE).toCompletableFuture().join();
      assertThat(first.sequence()).hasValue(1);
    }
  }

  @Test
  void startAtTime_usesTheInjectedClock() {
    publish("at-noon", AckMode.DURABLE);
    clock.advance(Duration.ofHours(1));
    Instant mark = clock.instant();
    publish("an-hour-later", AckMode.DURABLE);
    RecordingHandler handler = RecordingHandler.autoAck();

    broker.subscribe(
        SubjectPattern.of("mem.>"),
        SubscribeOptions.defaults().withStart(StartPosition.atTime(mark)),
        handler);

    await().until(() -> handler.count() == 1);
    assertThat(handler.ids()).containsExactly("an-hour-later");
  }

  @Test
  void joiningAGroupWithAnotherPattern_isRejectedNamingBoth() {
    broker.subscribe(SubjectPattern.of("mem.a.>"), SubscribeOptions.group("g1"), d -> d.ack());

    assertThatThrownBy(
            () ->
                broker.subscribe(
                    SubjectPattern.of("mem.b.>"), SubscribeOptions.group("g1"), d -> d.ack()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'g1'")
        .hasMessageContaining("mem.a.>")
        .hasMessageContaining("mem.b.>");
  }

  @Test
  void durableGroup_withoutMembers_keepsEventsPublishedMeanwhile() {
    RecordingHandler first = RecordingHandler.autoAck();
    broker.subscribe(SubjectPattern.of("mem.>"), SubscribeOptions.group("keeper"), first).close();

    publish("while-away", AckMode.DURABLE);
    RecordingHandler second = RecordingHandler.autoAck();
    broker.subscribe(SubjectPattern.of("mem.>"), SubscribeOptions.group("keeper"), second);

    await().until(() -> second.count() == 1);
    assertThat(second.ids()).containsExactly("while-away");
    assertThat(first.count()).isZero();
  }

  @Test
  void badSettings_failTheConnectWithEveryProblemNamed() {
    BrokerSpec spec =
        BrokerSpec.of("mem:").withSettings(Map.of("maxRetained", 0, "dedupWindow", "soon"));

    assertThatThrownBy(() -> Broker.connect(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetained must be >= 1 but was 0")
        .hasMessageContaining("dedupWindow must be a duration")
        .hasMessageContaining("'soon'");
  }

  private PublishReceipt publish(String id, AckMode mode) {
    return broker.publish(ORDERS, event(id), mode).toCompletableFuture().join();
  }

  private static CloudEvent event(String id) {
    return CloudEvent.builder().id(id).source("/test").type("order.placed").build();
  }

  @Test
  void concurrentPublishers_andAGroupOfThree_deliverEachEventExactlyOnce() throws Exception {
    java.util.List<RecordingHandler> members =
        java.util.stream.Stream.generate(RecordingHandler::autoAck).limit(3).toList();
    members.forEach(
        m -> broker.subscribe(SubjectPattern.of("mem.>"), SubscribeOptions.group("crowd"), m));

    try (var publishers = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      for (int p = 0; p < 4; p++) {
        int publisher = p;
        publishers.submit(
            () -> {
              for (int n = 0; n < 250; n++) {
                publish("p" + publisher + "-" + n, AckMode.FIRE_AND_FORGET);
              }
            });
      }
    }

    await().until(() -> members.stream().mapToInt(RecordingHandler::count).sum() == 1000);
    assertThat(members.stream().flatMap(m -> m.ids().stream()).distinct()).hasSize(1000);
    assertThat(members).allSatisfy(m -> assertThat(m.count()).isPositive());
  }
}
