package io.sluice.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.PublishRejectedException;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.RecordingHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the kit does not cover: the AMQP wire format, unroutable publishes, delay queues. */
class RabbitMqBrokerTest {
  @RegisterExtension static final RabbitMqTestServer RABBIT = new RabbitMqTestServer();

  private Broker broker;
  private String root;

  @BeforeEach
  void open() {
    broker = RABBIT.open();
    root = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void close() {
    broker.close();
  }

  private Subject subject(String suffix) {
    return Subject.of(root + "." + suffix);
  }

  private static CloudEvent event(String id) {
    return CloudEvent.builder()
        .id(id)
        .source("/test")
        .type("io.sluice.test")
        .data("text/plain", id.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void durablePublish_toSubjectNoQueueIsBoundTo_failsWithPublishRejectedNamingTheSubject() {
    var publish = broker.publish(subject("nowhere"), event("e-1"), AckMode.DURABLE);

    assertThatThrownBy(() -> publish.toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(PublishRejectedException.class)
        .hasMessageContaining(subject("nowhere").value());
  }

  @Test
  void durableReceipt_namesTheExchange_andHasNoSequence() {
    RABBIT.declareQueue(root + ".#");

    PublishReceipt receipt =
        broker.publish(subject("kept"), event("e-1"), AckMode.DURABLE).toCompletableFuture().join();

    assertThat(receipt.stream()).contains(RABBIT.exchange());
    assertThat(receipt.sequence()).isEmpty();
  }

  @Test
  void durablePublish_travelsInBinaryModeWithCloudEventsHeadersAndPersistentDelivery()
      throws Exception {
    String queue = RABBIT.declareQueue(root + ".wire");

    broker.publish(subject("wire"), event("e-1"), AckMode.DURABLE).toCompletableFuture().join();

    try (Channel channel = RABBIT.admin().createChannel()) {
      GetResponse message = channel.basicGet(queue, true);
      AMQP.BasicProperties properties = message.getProps();
      assertThat(message.getEnvelope().getRoutingKey()).isEqualTo(subject("wire").value());
      assertThat(properties.getContentType()).isEqualTo("text/plain");
      assertThat(properties.getDeliveryMode()).isEqualTo(2);
      assertThat(String.valueOf(properties.getHeaders().get("cloudEvents:id"))).isEqualTo("e-1");
      assertThat(String.valueOf(properties.getHeaders().get("cloudEvents:specversion")))
          .isEqualTo("1.0");
      assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("e-1");
    }
  }

  @Test
  void structuredModeMessage_isDeliveredAsItsEvent() throws Exception {
    RecordingHandler handler = RecordingHandler.autoAck();
    broker.subscribe(SubjectPattern.of(root + ".json"), SubscribeOptions.defaults(), handler);

    try (Channel channel = RABBIT.admin().createChannel()) {
      AMQP.BasicProperties properties =
          new AMQP.BasicProperties.Builder().contentType(JsonFormat.CONTENT_TYPE).build();
      channel.basicPublish(
          RABBIT.exchange(), root + ".json", properties, JsonFormat.encode(event("structured")));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> handler.count() == 1);
    assertThat(handler.get(0).event().id()).isEqualTo("structured");
  }

  @Test
  void messageThatIsNotACloudEvent_isRejected_andTheSubscriptionKeepsDelivering() throws Exception {
    RecordingHandler handler = RecordingHandler.autoAck();
    broker.subscribe(SubjectPattern.of(root + ".mixed"), SubscribeOptions.defaults(), handler);

    try (Channel channel = RABBIT.admin().createChannel()) {
      channel.basicPublish(
          RABBIT.exchange(),
          root + ".mixed",
          null,
          "not an event".getBytes(StandardCharsets.UTF_8));
    }
    broker.publish(subject("mixed"), event("good"), AckMode.FIRE_AND_FORGET);

    await().atMost(Duration.ofSeconds(10)).until(() -> handler.count() == 1);
    assertThat(handler.ids()).containsExactly("good");
  }

  @Test
  void delayedNack_inAGroup_comesBackAfterTheDelayWithItsCountIncremented() {
    Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
    RecordingHandler handler =
        RecordingHandler.reacting(
            d -> {
              arrivals.put(d.deliveryCount(), System.nanoTime());
              if (d.deliveryCount() == 1) {
                d.nack(Duration.ofMillis(500));
              } else {
                d.ack();
              }
            });
    broker.subscribe(SubjectPattern.of(root + ".retry"), SubscribeOptions.group(root), handler);

    broker.publish(subject("retry"), event("e-1"), AckMode.FIRE_AND_FORGET);

    await().atMost(Duration.ofSeconds(10)).until(() -> handler.count() == 2);
    assertThat(Duration.ofNanos(arrivals.get(2) - arrivals.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(480));
    assertThat(handler.get(1).subject()).isEqualTo(subject("retry"));
  }

  @Test
  void tailWildcard_ignoresTheParentSubjectThatAmqpHashWouldMatch() {
    RecordingHandler handler = RecordingHandler.autoAck();
    broker.subscribe(SubjectPattern.of(root + ".a.>"), SubscribeOptions.group(root), handler);

    broker.publish(subject("a"), event("parent"), AckMode.FIRE_AND_FORGET);
    broker.publish(subject("a.b"), event("child"), AckMode.FIRE_AND_FORGET);

    await().atMost(Duration.ofSeconds(10)).until(() -> handler.count() == 1);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> handler.count() == 1);
    assertThat(handler.ids()).containsExactly("child");
  }

  @Test
  void stuckHandlers_doNotHoldUpOtherSubscriptions() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < 8; i++) {
      broker.subscribe(
          SubjectPattern.of(root + ".stuck"),
          SubscribeOptions.defaults(),
          d -> release.await(10, TimeUnit.SECONDS));
    }
    RecordingHandler free = RecordingHandler.autoAck();
    broker.subscribe(SubjectPattern.of(root + ".free"), SubscribeOptions.defaults(), free);

    broker.publish(subject("stuck"), event("stuck"), AckMode.FIRE_AND_FORGET);
    broker.publish(subject("free"), event("free"), AckMode.FIRE_AND_FORGET);

    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> free.count() == 1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void connect_toANonListeningPort_failsWithBrokerUnavailableWithoutThePassword() {
    assertThatThrownBy(() -> Broker.connect("amqp://guest:secret@127.0.0.1:1"))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageNotContaining("secret");
  }
}
