package io.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.RecordingHandler;
import io.sluice.testkit.servers.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the kit does not cover: the entry format, dedup across processes, trimming, the PEL. */
class RedisBrokerTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private Broker broker;
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private RedisCommands<String, String> redis;
  private String root;

  @BeforeEach
  void open() {
    broker = REDIS.connect(Map.of("claimInterval", "100ms"));
    client = RedisClient.create(REDIS.url());
    connection = client.connect();
    redis = connection.sync();
    root = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void close() {
    broker.close();
    connection.close();
    client.shutdown();
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

  private PublishReceipt publishDurably(Subject subject, CloudEvent event) {
    return broker.publish(subject, event, AckMode.DURABLE).toCompletableFuture().join();
  }

  @Test
  void publish_addsOneEntryWithCeFieldsAndData_toThePrefixedStream() {
    PublishReceipt receipt = publishDurably(subject("wire"), event("e-1"));

    List<StreamMessage<String, String>> entries =
        redis.xrange("sluice:" + subject("wire"), io.lettuce.core.Range.create("-", "+"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).getBody())
        .containsEntry("ce-id", "e-1")
        .containsEntry("ce-specversion", "1.0")
        .containsEntry("content-type", "text/plain")
        .containsEntry("data", "e-1");
    assertThat(receipt.stream()).contains("sluice:" + subject("wire"));
    String id = entries.get(0).getId();
    long ms = Long.parseLong(id.substring(0, id.indexOf('-')));
    assertThat(receipt.sequence().orElseThrow() >>> 20).isEqualTo(ms);
  }

  @Test
  void idempotencyKey_isRememberedInRedis_soAnotherBrokerInstanceSeesTheDuplicate() {
    CloudEvent payment =
        event("p-1").toBuilder().extension(Extensions.IDEMPOTENCY_KEY, "pay-1").build();
    PublishReceipt first = publishDurably(subject("pay"), payment);

    try (Broker other = REDIS.connect(Map.of())) {
      PublishReceipt again =
          other.publish(subject("pay"), payment, AckMode.DURABLE).toCompletableFuture().join();

      assertThat(again.duplicate()).isTrue();
      assertThat(again.sequence()).isEqualTo(first.sequence());
    }
    assertThat(redis.xlen("sluice:" + subject("pay"))).isEqualTo(1);
    assertThat(redis.pttl("sluice-dedup:" + subject("pay") + ":pay-1")).isPositive();
  }

  @Test
  void entryThatIsNotACloudEvent_isSkipped_andTheGroupKeepsDelivering() {
    RecordingHandler handler = RecordingHandler.autoAck();
    broker.subscribe(SubjectPattern.of(root + ".mixed"), SubscribeOptions.group(root), handler);

    redis.xadd("sluice:" + subject("mixed"), Map.of("foo", "bar"));
    publishDurably(subject("mixed"), event("good"));

    await().atMost(Duration.ofSeconds(10)).until(() -> handler.count() == 1);
    assertThat(handler.ids()).containsExactly("good");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> redis.xpending("sluice:" + subject("mixed"), root).getCount() == 0);
  }

  @Test
  void maxLen_trimsTheStreamApproximately() {
    try (Broker trimming = REDIS.connect(Map.of("maxLen", 10))) {
      for (int i = 0; i < 1000; i++) {
        trimming.publish(subject("trim"), event("e-" + i), AckMode.DURABLE);
      }
      trimming
          .publish(subject("trim"), event("last"), AckMode.DURABLE)
          .toCompletableFuture()
          .join();
    }

    assertThat(redis.xlen("sluice:" + subject("trim"))).isLessThan(300);
  }

  @Test
  void maxDeliveries_inAGroup_acknowledgesTheEntrySoThePendingListEmpties() {
    RecordingHandler handler = RecordingHandler.reacting(d -> d.nack(Duration.ZERO));
    broker.subscribe(
        SubjectPattern.of(root + ".poison"),
        SubscribeOptions.group(root).withAckWait(Duration.ofSeconds(1)).withMaxDeliveries(2),
        handler);

    publishDurably(subject("poison"), event("poison"));

    await().atMost(Duration.ofSeconds(10)).until(() -> handler.count() == 2);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> redis.xpending("sluice:" + subject("poison"), root).getCount() == 0);
    assertThat(handler.count()).isEqualTo(2);
  }

  @Test
  void wildcardSubscription_findsAStreamCreatedAfterItStarted() {
    RecordingHandler handler = RecordingHandler.autoAck();
    broker.subscribe(SubjectPattern.of(root + ".new.*"), SubscribeOptions.defaults(), handler);

    publishDurably(subject("new.stream"), event("first"));

    await().atMost(Duration.ofSeconds(10)).until(() -> handler.count() == 1);
    assertThat(handler.get(0).subject()).isEqualTo(subject("new.stream"));
  }

  @Test
  void durablePublish_waitingForAReplicaThatDoesNotExist_failsAfterTheWaitTimeout() {
    try (Broker waiting = REDIS.connect(Map.of("waitReplicas", 1, "waitTimeout", "200ms"))) {
      var publish = waiting.publish(subject("replicated"), event("e-1"), AckMode.DURABLE);

      assertThatThrownBy(() -> publish.toCompletableFuture().join())
          .cause()
          .isInstanceOf(BrokerUnavailableException.class)
          .hasMessageContaining("reached 0 of 1 replicas");
    }
  }

  @Test
  void connect_toANonListeningPort_failsWithBrokerUnavailableWithoutThePassword() {
    assertThatThrownBy(() -> Broker.connect("redis://:secret@127.0.0.1:1"))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageNotContaining("secret");
  }
}
