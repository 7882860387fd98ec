package io.sluice.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Sluice events look like to plain Pulsar clients, and what Sluice accepts from them. */
class PulsarWireFormatTest {
  private final Subject subject =
      Subject.of("wire." + UUID.randomUUID().toString().substring(0, 8));
  private final String topic = "persistent://public/default/" + subject.value();
  private Broker broker;
  private PulsarClient client;

  @BeforeEach
  void connect() throws PulsarClientException {
    broker = TestBroker.connect();
    client = PulsarClient.builder().serviceUrl(TestBroker.url()).build();
  }

  @AfterEach
  void close() throws PulsarClientException {
    broker.close();
    client.close();
  }

  @Test
  void publishedEvent_isBinaryModeWithCePropertiesAndTheKey() throws Exception {
    var consumer =
        client
            .newConsumer()
            .topic(topic)
            .subscriptionName("wire-check")
            .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
            .subscribe();
    CloudEvent event =
        CloudEvent.builder()
            .id("e-1")
            .source("/src")
            .type("t")
            .extension("partitionkey", "k-7")
            .data("text/plain", "hello".getBytes(StandardCharsets.UTF_8))
            .build();

    broker.publish(subject, event, AckMode.DURABLE).toCompletableFuture().join();

    Message<byte[]> message = consumer.receive(10, TimeUnit.SECONDS);
    assertThat(message.getProperties())
        .containsEntry("ce-id", "e-1")
        .containsEntry("ce-source", "/src")
        .containsEntry("ce-type", "t")
        .containsEntry("ce-partitionkey", "k-7")
        .containsEntry("content-type", "text/plain");
    assertThat(message.getKey()).isEqualTo("k-7");
    assertThat(new String(message.getValue(), StandardCharsets.UTF_8)).isEqualTo("hello");
    consumer.unsubscribe();
  }

  @Test
  void structuredModeMessage_isDelivered_andForeignMessagesAreSkipped() throws Exception {
    List<String> ids = new CopyOnWriteArrayList<>();
    broker.subscribe(
        SubjectPattern.of(subject.value()),
        SubscribeOptions.defaults(),
        d -> {
          ids.add(d.event().id());
          d.ack();
        });
    CloudEvent structured = CloudEvent.builder().id("s-1").source("/src").type("t").build();

    try (Producer<byte[]> producer = client.newProducer().topic(topic).create()) {
      producer.newMessage().value("not an event".getBytes(StandardCharsets.UTF_8)).send();
      producer
          .newMessage()
          .properties(Map.of("content-type", JsonFormat.CONTENT_TYPE))
          .value(JsonFormat.encode(structured))
          .send();
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> ids.contains("s-1"));
    assertThat(ids).containsExactly("s-1");
  }

  @AfterAll
  static void deleteTopics() throws Exception {
    TestTopics.deleteStartingWith("wire.");
  }
}
