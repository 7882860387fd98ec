package io.sluice.embedded;

import static io.sluice.embedded.TestEvents.event;
import static io.sluice.embedded.TestEvents.idempotent;
import static io.sluice.embedded.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Age retention and the de-duplication window follow the broker's clock. */
class ClockedRetentionTest {
  @TempDir Path dir;
  private final ManualClock clock = ManualClock.startingNow();

  private Broker open(Map<String, Object> settings) {
    return Broker.connect(BrokerSpec.of("embedded:" + dir).withSettings(settings).withClock(clock));
  }

  private static PublishReceipt publish(Broker broker, CloudEvent event) {
    return broker
        .publish(Subject.of("clock.events"), event, AckMode.DURABLE)
        .toCompletableFuture()
        .join();
  }

  @Test
  void eventsOlderThanMaxAge_areRemoved() {
    try (Broker broker = open(Map.of("retention", Map.of("maxAge", "1h")))) {
      publish(broker, event("old"));
      clock.advance(Duration.ofMinutes(90));
      publish(broker, event("new"));

      List<String> got = new CopyOnWriteArrayList<>();
      broker.subscribe(
          SubjectPattern.of("clock.>"),
          SubscribeOptions.defaults().withStart(StartPosition.all()),
          d -> got.add(text(d.event())));
      await().until(() -> got.contains("new"));
      assertThat(got).containsExactly("new");
    }
  }

  @Test
  void idempotencyKey_isForgottenAfterTheWindow_andNotBefore() {
    try (Broker broker = open(Map.of("dedupWindow", "10m"))) {
      long first = publish(broker, idempotent("a", "key-1")).sequence().getAsLong();
      clock.advance(Duration.ofMinutes(9));
      assertThat(publish(broker, idempotent("b", "key-1")).duplicate()).isTrue();
      clock.advance(Duration.ofMinutes(2));

      PublishReceipt later = publish(broker, idempotent("c", "key-1"));

      assertThat(later.duplicate()).isFalse();
      assertThat(later.sequence().getAsLong()).isGreaterThan(first);
    }
  }
}
