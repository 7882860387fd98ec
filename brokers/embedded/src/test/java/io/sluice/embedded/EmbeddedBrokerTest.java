package io.sluice.embedded;

import static io.sluice.embedded.TestEvents.event;
import static io.sluice.embedded.TestEvents.idempotent;
import static io.sluice.embedded.TestEvents.text;
import static io.sluice.embedded.TestEvents.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Delivery;
import io.sluice.broker.NoRespondersException;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {
  private static final Subject ORDERS = Subject.of("orders.created");
  private static final SubjectPattern ALL_ORDERS = SubjectPattern.of("orders.>");

  @TempDir Path dir;
  Broker broker;

  @BeforeEach
  void open() {
    broker = Broker.connect("embedded:" + dir);
  }

  @AfterEach
  void close() {
    broker.close();
  }

  private PublishReceipt publish(String data) {
    return broker.publish(ORDERS, event(data), AckMode.DURABLE).toCompletableFuture().join();
  }

  @Test
  void durablePublish_returnsReceiptWithStreamAndIncreasingSequence() {
    PublishReceipt first = publish("a");
    PublishReceipt second = publish("b");

    assertThat(first.stream()).contains("sluice");
    assertThat(first.ackMode()).isEqualTo(AckMode.DURABLE);
    assertThat(first.sequence()).hasValue(1);
    assertThat(second.sequence()).hasValue(2);
    assertThat(first.duplicate()).isFalse();
  }

  @Test
  void group_receivesEachEventOnceInOrder_andDeliveriesCarrySequences() {
    List<Delivery> got = new CopyOnWriteArrayList<>();
    broker.subscribe(
        ALL_ORDERS,
        SubscribeOptions.group("billing"),
        d -> {
          got.add(d);
          d.ack();
        });
    publish("a");
    publish("b");

    await().until(() -> got.size() == 2);
    assertThat(got).extracting(d -> text(d.event())).containsExactly("a", "b");
    assertThat(got).extracting(d -> d.sequence().getAsLong()).containsExactly(1L, 2L);
  }

  @Test
  void secondOpener_ofSameDirectory_failsNamingTheDirectory() {
    assertThatThrownBy(() -> Broker.connect("embedded:" + dir))
        .isInstanceOf(DataDirectoryInUseException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("already in use");
  }

  @Test
  void duplicateIdempotencyKey_returnsOriginalSequenceAndIsNotDelivered() {
    List<String> got = new CopyOnWriteArrayList<>();
    broker.subscribe(
        ALL_ORDERS,
        SubscribeOptions.group("g"),
        d -> {
          got.add(text(d.event()));
          d.ack();
        });
    PublishReceipt first = pub(idempotent("first", "k1"));
    PublishReceipt again = pub(idempotent("again", "k1"));
    publish("later");

    assertThat(again.duplicate()).isTrue();
    assertThat(again.sequence()).isEqualTo(first.sequence());
    await().until(() -> got.contains("later"));
    assertThat(got).containsExactly("first", "later");
  }

  private PublishReceipt pub(io.sluice.envelope.CloudEvent e) {
    return broker.publish(ORDERS, e, AckMode.DURABLE).toCompletableFuture().join();
  }

  @Test
  void startPositions_all_sequence_time_and_new() {
    publish("a");
    publish("b");
    var now = java.time.Instant.now();
    await().until(() -> java.time.Instant.now().isAfter(now.plusMillis(5)));
    publish("c");

    assertThat(texts(StartPosition.all(), 3)).containsExactly("a", "b", "c");
    assertThat(texts(StartPosition.atSequence(2), 2)).containsExactly("b", "c");
    assertThat(texts(StartPosition.atTime(now.plusMillis(2)), 1)).containsExactly("c");
    List<String> fresh = new CopyOnWriteArrayList<>();
    broker.subscribe(ALL_ORDERS, SubscribeOptions.defaults(), d -> fresh.add(text(d.event())));
    publish("d");
    await().until(() -> fresh.size() == 1);
    assertThat(fresh).containsExactly("d");
  }

  private List<String> texts(StartPosition start, int expected) {
    List<String> got = new CopyOnWriteArrayList<>();
    var sub =
        broker.subscribe(
            ALL_ORDERS,
            SubscribeOptions.defaults().withStart(start),
            d -> {
              got.add(text(d.event()));
              d.ack();
            });
    await().until(() -> got.size() >= expected);
    sub.close();
    return got;
  }

  @Test
  void nackWithDelay_redeliversAfterTheDelay_withIncrementedCount() {
    List<Delivery> got = new CopyOnWriteArrayList<>();
    broker.subscribe(
        ALL_ORDERS,
        SubscribeOptions.group("g"),
        d -> {
          got.add(d);
          if (d.deliveryCount() == 1) {
            d.nack(Duration.ofMillis(300));
          } else {
            d.ack();
          }
        });
    long start = System.nanoTime();
    publish("a");

    await().until(() -> got.size() == 2);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(got.get(1).deliveryCount()).isEqualTo(2);
  }

  @Test
  void unackedDelivery_isRedeliveredAfterAckWait_untilMaxDeliveries() {
    List<Integer> counts = new CopyOnWriteArrayList<>();
    var options =
        SubscribeOptions.group("g").withAckWait(Duration.ofMillis(100)).withMaxDeliveries(3);
    broker.subscribe(ALL_ORDERS, options, d -> counts.add(d.deliveryCount()));
    publish("never acked");
    publish("marker");

    await().until(() -> counts.size() >= 6);
    await().during(Duration.ofMillis(400)).until(() -> counts.size() == 6);
  }

  @Test
  void ackOfAnExpiredDelivery_settlesTheEvent_soTheGroupNeverGetsItAgain() {
    List<Delivery> got = new CopyOnWriteArrayList<>();
    var options = SubscribeOptions.group("late").withAckWait(Duration.ofMillis(150));
    broker.subscribe(ALL_ORDERS, options, got::add);
    publish("slow");
    await().until(() -> got.size() >= 2);

    got.get(0).ack().toCompletableFuture().join();

    broker.close();
    broker = Broker.connect("embedded:" + dir);
    List<String> resumed = new CopyOnWriteArrayList<>();
    broker.subscribe(ALL_ORDERS, SubscribeOptions.group("late"), d -> resumed.add(text(d.event())));
    publish("marker");
    await().until(() -> resumed.contains("marker"));
    assertThat(resumed).containsExactly("marker");
  }

  @Test
  void ackTwice_bothStagesCompleteAndTheEventStaysSettledAfterRestart() {
    List<Delivery> got = new CopyOnWriteArrayList<>();
    broker.subscribe(ALL_ORDERS, SubscribeOptions.group("twice"), got::add);
    publish("once");
    await().until(() -> got.size() == 1);

    var first = got.get(0).ack().toCompletableFuture();
    var second = got.get(0).ack().toCompletableFuture();
    second.join();

    assertThat(first).isDone();
    broker.close();
    broker = Broker.connect("embedded:" + dir);
    List<String> resumed = new CopyOnWriteArrayList<>();
    broker.subscribe(
        ALL_ORDERS, SubscribeOptions.group("twice"), d -> resumed.add(text(d.event())));
    publish("marker");
    await().until(() -> resumed.contains("marker"));
    assertThat(resumed).containsExactly("marker");
  }

  @Test
  void throwingHandler_getsTheDeliveryAgain() {
    List<Integer> counts = new CopyOnWriteArrayList<>();
    broker.subscribe(
        ALL_ORDERS,
        SubscribeOptions.group("g"),
        d -> {
          counts.add(d.deliveryCount());
          if (d.deliveryCount() == 1) {
            throw new IllegalStateException("boom");
          }
          d.ack();
        });
    publish("a");

    await().until(() -> counts.equals(List.of(1, 2)));
  }

  @Test
  void sameKey_isNotDeliveredUntilTheEarlierOneIsSettled_evenAcrossMembers() {
    List<String> got = new CopyOnWriteArrayList<>();
    List<Delivery> held = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 2; i++) {
      broker.subscribe(
          ALL_ORDERS,
          SubscribeOptions.group("g"),
          d -> {
            got.add(text(d.event()));
            held.add(d);
          });
    }
    pub(withKey("k1-1", "k1"));
    pub(withKey("k1-2", "k1"));
    pub(withKey("k2-1", "k2"));

    await().until(() -> got.size() == 2);
    assertThat(got).containsExactlyInAnyOrder("k1-1", "k2-1");
    held.get(got.indexOf("k1-1")).ack().toCompletableFuture().join();
    await().until(() -> got.size() == 3);
    assertThat(got.get(2)).isEqualTo("k1-2");
  }

  @Test
  void request_isAnsweredByASubscriber() {
    broker.subscribe(
        SubjectPattern.of("rpc.*"),
        SubscribeOptions.defaults(),
        d -> d.reply(event("pong:" + text(d.event()))));

    var reply =
        broker
            .request(Subject.of("rpc.ping"), event("1"), Duration.ofSeconds(5))
            .toCompletableFuture()
            .join();
    assertThat(text(reply)).isEqualTo("pong:1");
  }

  @Test
  void request_withoutSubscriber_failsWithNoResponders() {
    assertThatThrownBy(
            () ->
                broker
                    .request(Subject.of("rpc.none"), event("1"), Duration.ofSeconds(5))
                    .toCompletableFuture()
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NoRespondersException.class);
  }

  @Test
  void retentionByCount_keepsTheNewestEvents() {
    broker.close();
    broker =
        Broker.connect(
            BrokerSpec.of("embedded:" + dir)
                .withSettings(Map.of("retention", Map.of("maxEvents", 2))));
    publish("a");
    publish("b");
    publish("c");

    assertThat(texts(StartPosition.all(), 2)).containsExactly("b", "c");
  }
}
