package io.sluice.nats;

import static io.sluice.nats.NatsTestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.Delivery;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.servers.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What travels on the wire, checked with a plain jnats client that knows nothing of Sluice. */
class NatsWireFormatTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private Broker broker;
  private Connection plain;

  @BeforeEach
  void open() throws Exception {
    broker = Broker.connect(NATS.url());
    plain = Nats.connect(NATS.url());
  }

  @AfterEach
  void close() throws InterruptedException {
    broker.close();
    plain.close();
  }

  @Test
  void publish_sendsBinaryModeWithCeHeadersAndRawData() throws Exception {
    String subject = "wire." + unique();
    Subscription sub = plain.subscribe(subject);
    plain.flush(Duration.ofSeconds(2));
    CloudEvent event =
        CloudEvent.builder()
            .id("evt-1")
            .source("/orders")
            .type("com.example.order.created")
            .time(Instant.parse("2026-01-02T03:04:05Z"))
            .data("application/json", "{\"total\":12}".getBytes(StandardCharsets.UTF_8))
            .extension(Extensions.CORRELATION_ID, "flow-7")
            .extension(Extensions.IDEMPOTENCY_KEY, "order-7")
            .build();

    broker
        .publish(Subject.of(subject), event, AckMode.FIRE_AND_FORGET)
        .toCompletableFuture()
        .join();

    Message m = sub.nextMessage(Duration.ofSeconds(5));
    assertThat(m).isNotNull();
    Headers h = m.getHeaders();
    assertThat(h.getFirst("ce-specversion")).isEqualTo("1.0");
    assertThat(h.getFirst("ce-id")).isEqualTo("evt-1");
    assertThat(h.getFirst("ce-source")).isEqualTo("/orders");
    assertThat(h.getFirst("ce-type")).isEqualTo("com.example.order.created");
    assertThat(h.getFirst("ce-time")).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(h.getFirst("ce-correlationid")).isEqualTo("flow-7");
    assertThat(h.getFirst("content-type")).isEqualTo("application/json");
    assertThat(h.getFirst("Nats-Msg-Id")).isEqualTo("order-7");
    assertThat(new String(m.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"total\":12}");
  }

  @Test
  void publish_eventsOfOneKind_eachCarryOnlyTheirOwnPerEventHeaders() throws Exception {
    String subject = "wire." + unique();
    Subscription sub = plain.subscribe(subject);
    plain.flush(Duration.ofSeconds(2));
    CloudEvent.Builder kind =
        CloudEvent.builder().source("/orders").type("com.example.order.created");
    CloudEvent first =
        kind.id("evt-1")
            .extension(Extensions.IDEMPOTENCY_KEY, "order-1")
            .data("text/plain", "a".getBytes(StandardCharsets.UTF_8))
            .build();
    CloudEvent second =
        kind.id("evt 2").extension(Extensions.IDEMPOTENCY_KEY, null).subject("o/2").build();

    broker.publish(Subject.of(subject), first, AckMode.FIRE_AND_FORGET);
    broker.publish(Subject.of(subject), second, AckMode.FIRE_AND_FORGET);

    Headers one = sub.nextMessage(Duration.ofSeconds(5)).getHeaders();
    Headers two = sub.nextMessage(Duration.ofSeconds(5)).getHeaders();
    assertThat(one.getFirst("ce-id")).isEqualTo("evt-1");
    assertThat(one.getFirst("Nats-Msg-Id")).isEqualTo("order-1");
    assertThat(one.containsKey("ce-subject")).isFalse();
    assertThat(two.getFirst("ce-id")).isEqualTo("evt%202");
    assertThat(two.getFirst("ce-subject")).isEqualTo("o/2");
    assertThat(two.containsKey("Nats-Msg-Id")).isFalse();
    assertThat(two.getFirst("ce-source")).isEqualTo("/orders");
    assertThat(two.getFirst("content-type")).isEqualTo("text/plain");
  }

  @Test
  void subscribe_acceptsStructuredModeFromAPlainClient() {
    String subject = "wire." + unique();
    List<Delivery> got = new CopyOnWriteArrayList<>();
    broker.subscribe(SubjectPattern.of(subject), SubscribeOptions.defaults(), got::add);
    Headers headers = new Headers().put("content-type", "application/cloudevents+json");
    String json =
        "{\"specversion\":\"1.0\",\"id\":\"s-1\",\"source\":\"/plain\",\"type\":\"t.structured\","
            + "\"datacontenttype\":\"text/plain\",\"data\":\"hello\"}";

    plain.publish(subject, headers, json.getBytes(StandardCharsets.UTF_8));

    await().untilAsserted(() -> assertThat(got).hasSize(1));
    CloudEvent event = got.get(0).event();
    assertThat(event.id()).isEqualTo("s-1");
    assertThat(event.type()).isEqualTo("t.structured");
    assertThat(event.data()).hasValueSatisfying(d -> assertThat(d).asString().isEqualTo("hello"));
  }

  @Test
  void subscribe_acceptsBinaryModeFromAPlainClient() {
    String subject = "wire." + unique();
    List<Delivery> got = new CopyOnWriteArrayList<>();
    broker.subscribe(SubjectPattern.of(subject), SubscribeOptions.defaults(), got::add);
    Headers headers =
        new Headers()
            .put("ce-specversion", "1.0")
            .put("ce-id", "b-1")
            .put("ce-source", "/plain")
            .put("ce-type", "t.binary");

    plain.publish(subject, headers, "raw".getBytes(StandardCharsets.UTF_8));

    await().untilAsserted(() -> assertThat(got).hasSize(1));
    assertThat(got.get(0).event().id()).isEqualTo("b-1");
    assertThat(got.get(0).event().data())
        .hasValueSatisfying(d -> assertThat(d).asString().isEqualTo("raw"));
  }

  @Test
  void subscribe_skipsAMessageThatIsNotACloudEventAndKeepsGoing() {
    String subject = "wire." + unique();
    List<Delivery> got = new CopyOnWriteArrayList<>();
    broker.subscribe(SubjectPattern.of(subject), SubscribeOptions.defaults(), got::add);

    plain.publish(subject, "not an event".getBytes(StandardCharsets.UTF_8));
    broker.publish(Subject.of(subject), NatsTestEvents.event("after"), AckMode.FIRE_AND_FORGET);

    await().untilAsserted(() -> assertThat(got).hasSize(1));
    assertThat(got.get(0).event().id()).isEqualTo("after");
  }

  @Test
  void connect_withPasswordInUrl_neverShowsIt() {
    Broker withUser = Broker.connect(NATS.url().replace("nats://", "nats://alice:s3cret@"));
    try {
      assertThat(withUser.url()).doesNotContain("s3cret").contains("***@");
    } finally {
      withUser.close();
    }
  }
}
