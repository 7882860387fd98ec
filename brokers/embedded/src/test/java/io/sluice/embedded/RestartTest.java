package io.sluice.embedded;

import static io.sluice.embedded.TestEvents.event;
import static io.sluice.embedded.TestEvents.idempotent;
import static io.sluice.embedded.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Delivery;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closes the broker and opens the same directory again: what was durable is still there. */
class RestartTest {
  private static final Subject SUBJECT = Subject.of("orders.created");
  private static final SubjectPattern PATTERN = SubjectPattern.of("orders.>");

  @TempDir Path dir;

  private Broker open() {
    return Broker.connect("embedded:" + dir);
  }

  private static PublishReceipt publish(Broker broker, CloudEvent event) {
    return broker.publish(SUBJECT, event, AckMode.DURABLE).toCompletableFuture().join();
  }

  @Test
  void retainedEvents_survive_andSequencesContinue() {
    try (Broker broker = open()) {
      publish(broker, event("a"));
      publish(broker, event("b"));
    }
    try (Broker broker = open()) {
      assertThat(publish(broker, event("c")).sequence()).hasValue(3);
      assertThat(all(broker, 3)).containsExactly("a", "b", "c");
    }
  }

  @Test
  void eventAckedAboveTheFloor_staysSettled_whenTheGroupComesBackWithAnotherPattern() {
    try (Broker broker = open()) {
      List<String> seen = new CopyOnWriteArrayList<>();
      broker.subscribe(
          PATTERN,
          SubscribeOptions.group("audit"),
          d -> {
            seen.add(text(d.event()));
            if (text(d.event()).equals("second")) {
              d.ack().toCompletableFuture().join();
            }
          });
      publish(broker, event("first"));
      publish(broker, event("second"));
      await().until(() -> seen.size() == 2);
    }
    try (Broker broker = open()) {
      List<String> resumed = new CopyOnWriteArrayList<>();
      broker.subscribe(
          SubjectPattern.of("orders.created"),
          SubscribeOptions.group("audit"),
          d -> {
            resumed.add(text(d.event()));
            d.ack();
          });
      publish(broker, event("marker"));
      await().until(() -> resumed.contains("marker"));
      assertThat(resumed).containsExactly("first", "marker");
    }
  }

  @Test
  void groupPosition_survives_andUnackedEventIsRedeliveredWithHigherCount() {
    List<Delivery> first = new CopyOnWriteArrayList<>();
    try (Broker broker = open()) {
      broker.subscribe(PATTERN, SubscribeOptions.group("billing"), first::add);
      publish(broker, event("a"));
      publish(broker, event("b"));
      publish(broker, event("c"));
      await().until(() -> first.size() == 3);
      first.get(0).ack().toCompletableFuture().join();
      first.get(2).ack().toCompletableFuture().join();
    }
    List<Delivery> second = new CopyOnWriteArrayList<>();
    try (Broker broker = open()) {
      broker.subscribe(
          PATTERN,
          SubscribeOptions.group("billing"),
          d -> {
            second.add(d);
            d.ack();
          });
      publish(broker, event("d"));
      await().until(() -> second.size() == 2);
      assertThat(second).extracting(d -> text(d.event())).containsExactly("b", "d");
      assertThat(second.get(0).deliveryCount()).isEqualTo(2);
    }
  }

  @Test
  void dedupWindow_survives() {
    long original;
    try (Broker broker = open()) {
      original = publish(broker, idempotent("first", "order-42")).sequence().getAsLong();
    }
    try (Broker broker = open()) {
      PublishReceipt again = publish(broker, idempotent("again", "order-42"));
      assertThat(again.duplicate()).isTrue();
      assertThat(again.sequence()).hasValue(original);
    }
  }

  @Test
  void sequencesContinue_afterRetentionEmptiedTheLog() {
    var settings = Map.<String, Object>of("retention", Map.of("maxEvents", 1));
    try (Broker broker = Broker.connect(BrokerSpec.of("embedded:" + dir).withSettings(settings))) {
      publish(broker, event("a"));
      publish(broker, event("b"));
    }
    try (Broker broker = Broker.connect(BrokerSpec.of("embedded:" + dir).withSettings(settings))) {
      assertThat(publish(broker, event("c")).sequence()).hasValue(3);
      assertThat(all(broker, 1)).containsExactly("c");
    }
  }

  @Test
  void closedBroker_releasesTheDirectoryForTheNextOpener() {
    open().close();
    try (Broker broker = open()) {
      assertThat(broker.state().isReady()).isTrue();
    }
  }

  private static List<String> all(Broker broker, int expected) {
    List<String> got = new CopyOnWriteArrayList<>();
    broker.subscribe(
        PATTERN,
        SubscribeOptions.defaults().withStart(StartPosition.all()),
        d -> got.add(text(d.event())));
    await().until(() -> got.size() >= expected);
    return got;
  }
}
