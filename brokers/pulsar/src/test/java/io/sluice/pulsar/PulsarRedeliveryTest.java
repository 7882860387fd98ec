package io.sluice.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How nacks, expired ackWaits and maxDeliveries turn into Pulsar redeliveries. */
class PulsarRedeliveryTest {
  private final String token = "r" + UUID.randomUUID().toString().substring(0, 8);
  private Broker broker;

  @BeforeEach
  void connect() {
    broker = TestBroker.connect();
  }

  @AfterEach
  void close() {
    broker.close();
  }

  @Test
  void deliveryCount_growsWithEveryNackAndEveryExpiredAckWait() {
    List<Integer> counts = new CopyOnWriteArrayList<>();
    subscribe(
        SubscribeOptions.defaults().withAckWait(Duration.ofSeconds(1)),
        d -> {
          counts.add(d.deliveryCount());
          if (d.deliveryCount() == 1) {
            d.nack(Duration.ZERO);
          } else if (d.deliveryCount() == 3) {
            d.ack();
          }
        });

    publish("e-1");

    await().atMost(Duration.ofSeconds(10)).until(() -> counts.size() == 3);
    assertThat(counts).containsExactly(1, 2, 3);
  }

  @Test
  void maxDeliveries_acknowledgesTheEvent_soTheGroupNeverSeesItAgain() {
    String group = "poison-" + token;
    List<Integer> counts = new CopyOnWriteArrayList<>();
    SubscribeOptions options =
        SubscribeOptions.group(group).withAckWait(Duration.ofSeconds(1)).withMaxDeliveries(2);
    Subscription first =
        subscribe(
            options,
            d -> {
              counts.add(d.deliveryCount());
              d.nack(Duration.ZERO);
            });
    publish("poison");
    await().atMost(Duration.ofSeconds(10)).until(() -> counts.size() == 2);
    quietly(Duration.ofMillis(600));
    first.close();

    List<String> later = new CopyOnWriteArrayList<>();
    subscribe(options, d -> later.add(d.event().id()));
    publish("healthy");

    await().atMost(Duration.ofSeconds(10)).until(() -> later.contains("healthy"));
    assertThat(later).containsExactly("healthy");
    assertThat(counts).containsExactly(1, 2);
  }

  @Test
  void nackDelay_isAddedToPulsarsNackRedeliveryDelay() {
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    subscribe(
        SubscribeOptions.defaults(),
        d -> {
          arrivals.add(System.nanoTime());
          if (d.deliveryCount() == 1) {
            d.nack(Duration.ofMillis(500));
          } else {
            d.ack();
          }
        });

    publish("later");

    await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.size() == 2);
    assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  private Subscription subscribe(
      SubscribeOptions options, io.sluice.broker.DeliveryHandler handler) {
    return broker.subscribe(SubjectPattern.of(subject().value()), options, handler);
  }

  private void publish(String id) {
    CloudEvent event =
        CloudEvent.builder()
            .id(id)
            .source("/sluice/test")
            .type("io.sluice.test")
            .data("text/plain", id.getBytes(StandardCharsets.UTF_8))
            .build();
    broker.publish(subject(), event, AckMode.DURABLE).toCompletableFuture().join();
  }

  private Subject subject() {
    return Subject.of("redelivery." + token);
  }

  private static void quietly(Duration period) {
    Awaitility.await().pollDelay(period).atMost(period.plusSeconds(1)).until(() -> true);
  }

  @AfterAll
  static void deleteTopics() throws Exception {
    TestTopics.deleteStartingWith("redelivery.");
  }
}
