package io.sluice.nats;

import static io.sluice.nats.NatsTestEvents.event;
import static io.sluice.nats.NatsTestEvents.keyed;
import static io.sluice.nats.NatsTestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.Delivery;
import io.sluice.broker.NoRespondersException;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.PublishRejectedException;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.servers.NatsServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NatsBrokerTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private static final Map<String, Object> STREAMS =
      Map.of(
          "streams",
          List.of(Map.of("name", "EVENTS", "subjects", List.of("events.>"), "storage", "memory")));

  private Broker broker;

  @BeforeEach
  void open() {
    broker = Broker.connect(BrokerSpec.of(NATS.url()).withSettings(STREAMS));
  }

  @AfterEach
  void close() {
    broker.close();
  }

  @Test
  void connect_reportsConnectedAndTheUrl() {
    assertThat(broker.state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(broker.url()).isEqualTo(NATS.url());
  }

  @Test
  void publish_fireAndForget_reachesCoreSubscriber() {
    Subject subject = Subject.of("core." + unique() + ".created");
    List<Delivery> got = new CopyOnWriteArrayList<>();
    broker.subscribe(SubjectPattern.of("core.*.created"), SubscribeOptions.defaults(), got::add);

    PublishReceipt receipt =
        broker.publish(subject, event("e-1"), AckMode.FIRE_AND_FORGET).toCompletableFuture().join();

    assertThat(receipt.ackMode()).isEqualTo(AckMode.FIRE_AND_FORGET);
    assertThat(receipt.stream()).isEmpty();
    await().untilAsserted(() -> assertThat(got).hasSize(1));
    assertThat(got.get(0).event()).isEqualTo(event("e-1"));
    assertThat(got.get(0).subject()).isEqualTo(subject);
    assertThat(got.get(0).sequence()).isEmpty();
  }

  @Test
  void queueGroup_eachEventReachesOneMember() {
    String root = "work." + unique();
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    SubscribeOptions group = SubscribeOptions.group("workers");
    broker.subscribe(SubjectPattern.of(root), group, d -> first.add(d.event().id()));
    broker.subscribe(SubjectPattern.of(root), group, d -> second.add(d.event().id()));

    for (int i = 0; i < 20; i++) {
      broker.publish(Subject.of(root), event("w-" + i), AckMode.FIRE_AND_FORGET);
    }

    await().untilAsserted(() -> assertThat(first.size() + second.size()).isEqualTo(20));
    assertThat(first).doesNotContainAnyElementsOf(second);
  }

  @Test
  void request_withResponder_completesWithTheReply() {
    Subject subject = Subject.of("rpc." + unique());
    broker.subscribe(
        SubjectPattern.of(subject.value()),
        SubscribeOptions.defaults(),
        d -> d.reply(event("reply-to-" + d.event().id())));

    CloudEvent reply =
        broker.request(subject, event("q-1"), Duration.ofSeconds(5)).toCompletableFuture().join();

    assertThat(reply.id()).isEqualTo("reply-to-q-1");
  }

  @Test
  void request_onStreamSubject_reachesTheResponderNotJetStream() {
    Subject subject = Subject.of("events." + unique() + ".ask");
    broker.subscribe(
        SubjectPattern.of(subject.value()),
        SubscribeOptions.defaults(),
        d -> {
          if (d.expectsReply()) {
            d.reply(event("answer"));
          }
        });

    CloudEvent reply =
        broker.request(subject, event("q-2"), Duration.ofSeconds(5)).toCompletableFuture().join();

    assertThat(reply.id()).isEqualTo("answer");
  }

  @Test
  void request_withoutResponder_failsWithNoResponders() {
    Subject subject = Subject.of("rpc." + unique());

    assertThatThrownBy(
            () ->
                broker
                    .request(subject, event("q"), Duration.ofSeconds(5))
                    .toCompletableFuture()
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NoRespondersException.class)
        .hasMessageContaining(subject.value());
  }

  @Test
  void request_withSilentResponder_failsWithTimeout() {
    Subject subject = Subject.of("rpc." + unique());
    broker.subscribe(SubjectPattern.of(subject.value()), SubscribeOptions.defaults(), d -> {});

    assertThatThrownBy(
            () ->
                broker
                    .request(subject, event("q"), Duration.ofMillis(300))
                    .toCompletableFuture()
                    .join())
        .hasCauseInstanceOf(RequestTimeoutException.class)
        .hasMessageContaining("300 ms");
  }

  @Test
  void durablePublish_returnsStreamAndSequence() {
    Subject subject = Subject.of("events." + unique());

    PublishReceipt first = publishDurably(subject, event("d-1"));
    PublishReceipt second = publishDurably(subject, event("d-2"));

    assertThat(first.ackMode()).isEqualTo(AckMode.DURABLE);
    assertThat(first.stream()).contains("EVENTS");
    assertThat(second.sequence().getAsLong()).isEqualTo(first.sequence().getAsLong() + 1);
    assertThat(first.duplicate()).isFalse();
  }

  @Test
  void durablePublish_repeatedIdempotencyKey_isDuplicateAndStoredOnce() {
    Subject subject = Subject.of("events." + unique());
    List<String> got = new CopyOnWriteArrayList<>();
    broker.subscribe(
        SubjectPattern.of(subject.value()),
        SubscribeOptions.defaults(),
        d -> {
          got.add(d.event().id());
          d.ack();
        });

    PublishReceipt first = publishDurably(subject, keyed("k-1", "order-42"));
    PublishReceipt repeat = publishDurably(subject, keyed("k-2", "order-42"));
    PublishReceipt other = publishDurably(subject, keyed("k-3", "order-43"));

    assertThat(repeat.duplicate()).isTrue();
    assertThat(repeat.sequence()).isEqualTo(first.sequence());
    assertThat(other.duplicate()).isFalse();
    await().untilAsserted(() -> assertThat(got).containsExactly("k-1", "k-3"));
  }

  @Test
  void durablePublish_toUncoveredSubject_failsWithClearError() {
    Subject subject = Subject.of("nowhere." + unique());

    assertThatThrownBy(() -> publishDurably(subject, event("lost?")))
        .hasCauseInstanceOf(PublishRejectedException.class)
        .hasMessageContaining(
            "no stream covers subject '" + subject + "'; declare one in broker.settings.streams");
  }

  @Test
  void streamSubscription_nackWithDelay_redeliversWithCount() {
    Subject subject = Subject.of("events." + unique());
    List<Delivery> got = new CopyOnWriteArrayList<>();
    broker.subscribe(
        SubjectPattern.of(subject.value()),
        SubscribeOptions.group(unique()),
        d -> {
          got.add(d);
          if (d.deliveryCount() == 1) {
            d.nack(Duration.ofMillis(200));
          } else {
            d.ack();
          }
        });

    publishDurably(subject, event("n-1"));

    await().untilAsserted(() -> assertThat(got).hasSize(2));
    assertThat(got.get(1).deliveryCount()).isEqualTo(2);
    assertThat(got.get(1).sequence()).isEqualTo(got.get(0).sequence());
  }

  @Test
  void durableGroup_reusedForAnotherPattern_failsNamingBoth() {
    String group = "g" + unique();
    String root = "events." + unique();
    broker
        .subscribe(SubjectPattern.of(root + ".a"), SubscribeOptions.group(group), d -> {})
        .close();

    assertThatThrownBy(
            () ->
                broker.subscribe(
                    SubjectPattern.of(root + ".b"), SubscribeOptions.group(group), d -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + root + ".a'")
        .hasMessageContaining("'" + root + ".b' needs another group name");
  }

  @Test
  void close_thenPublish_failsAsClosed() {
    broker.close();

    assertThat(broker.state()).isEqualTo(ConnectionState.CLOSED);
    assertThatThrownBy(() -> publishDurably(Subject.of("events.x"), event("late")))
        .hasCauseInstanceOf(io.sluice.broker.BrokerClosedException.class);
  }

  private PublishReceipt publishDurably(Subject subject, CloudEvent event) {
    return broker.publish(subject, event, AckMode.DURABLE).toCompletableFuture().join();
  }
}
