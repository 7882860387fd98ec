package io.sluice.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.PublishReceipt;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.ManualClock;
import io.sluice.testkit.RecordingHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryDeduplicationWindowTest {
  private static final Subject PAYMENTS = Subject.of("dedup.payments");
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final Broker broker =
      Broker.connect(
          BrokerSpec.of("mem:").withSettings(Map.of("dedupWindow", "PT1M")).withClock(clock));

  @AfterEach
  void close() {
    broker.close();
  }

  @Test
  void repeat_withinTheWindow_isADuplicateOfTheOriginalSequence() {
    PublishReceipt first = publish("p-1", "pay-1");
    clock.advance(Duration.ofSeconds(59));

    PublishReceipt repeat = publish("p-1-again", "pay-1");

    assertThat(repeat.duplicate()).isTrue();
    assertThat(repeat.sequence()).isEqualTo(first.sequence());
  }

  @Test
  void repeat_afterTheWindow_isPublishedAndDeliveredAsNew() {
    RecordingHandler handler = RecordingHandler.autoAck();
    broker.subscribe(
        SubjectPattern.of("dedup.>"), io.sluice.broker.SubscribeOptions.defaults(), handler);
    PublishReceipt first = publish("p-1", "pay-1");
    clock.advance(Duration.ofMinutes(1));

    PublishReceipt later = publish("p-2", "pay-1");

    assertThat(later.duplicate()).isFalse();
    assertThat(later.sequence().orElseThrow()).isGreaterThan(first.sequence().orElseThrow());
    await().until(() -> handler.count() == 2);
    assertThat(handler.ids()).containsExactly("p-1", "p-2");
  }

  @Test
  void duplicates_doNotExtendTheWindow() {
    publish("p-1", "pay-1");
    clock.advance(Duration.ofSeconds(40));
    publish("p-1", "pay-1");
    clock.advance(Duration.ofSeconds(30));

    PublishReceipt afterFirstWindow = publish("p-1", "pay-1");

    assertThat(afterFirstWindow.duplicate()).isFalse();
  }

  private PublishReceipt publish(String id, String key) {
    CloudEvent event =
        CloudEvent.builder()
            .id(id)
            .source("/test")
            .type("payment.made")
            .extension(Extensions.IDEMPOTENCY_KEY, key)
            .build();
    return broker.publish(PAYMENTS, event, AckMode.DURABLE).toCompletableFuture().join();
  }
}
