package io.sluice.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.broker.Broker;
import io.sluice.broker.Delivery;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.subject.SubjectPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push subscriptions from the configuration, over the embedded durable broker, POSTing to real HTTP
 * endpoints: retries until the endpoint recovers, dead letters when it never does, denied subjects
 * never delivered, the concurrency bound held.
 */
class PushDeliveryTest {
  static final String SECRET = "test-secret-" + UUID.randomUUID();

  static WebhookEndpoint flaky;
  static WebhookEndpoint broken;
  static WebhookEndpoint healthy;
  static WebhookEndpoint slow;
  static GatewayHarness harness;

  @RegisterExtension
  final CapturedLogs logs = new CapturedLogs().allowWarningsFrom(PushDeliverer.class);

  @BeforeAll
  static void start() throws Exception {
    flaky = new WebhookEndpoint(attempt -> attempt <= 2 ? 500 : 200, 0);
    broken = new WebhookEndpoint(attempt -> 503, 0);
    healthy = new WebhookEndpoint(attempt -> 204, 0);
    slow = new WebhookEndpoint(attempt -> 200, 100);
    Path secretFile = Files.createTempFile("push-secret", ".txt");
    Files.writeString(secretFile, SECRET + "\n");
    String yaml =
        "push:\n  subscriptions:\n"
            + subscription("flaky", "retry.>", flaky, secretFile, 5, 4)
            + subscription("broken", "never.>", broken, secretFile, 3, 4)
            + subscription("mixed", "mixed.>", healthy, secretFile, 3, 4)
            + subscription("slow", "slow.>", slow, secretFile, 3, 2)
            + subscription("forbidden", "forbidden.>", healthy, secretFile, 3, 1)
                .replace("{id: billing}", "{id: nobody}");
    harness = GatewayHarness.startEmbedded(yaml, new PushTestPolicy());
  }

  static String subscription(
      String name, String pattern, WebhookEndpoint to, Path secret, int attempts, int concurrency) {
    return "    - name: "
        + name
        + "\n      pattern: \""
        + pattern
        + "\"\n      endpoint: "
        + to.url()
        + "\n      secret: \"file:"
        + secret
        + "\"\n      owner: {id: billing}\n      maxAttempts: "
        + attempts
        + "\n      backoff: {initial: 20ms, max: 100ms, multiplier: 2, jitter: 0.5}\n"
        + "      concurrency: "
        + concurrency
        + "\n      timeout: 2s\n";
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    for (WebhookEndpoint e : List.of(flaky, broken, healthy, slow)) {
      e.close();
    }
  }

  static CloudEvent publish(String subject) {
    return PushTestEvents.publish(harness.gateway().broker(), subject);
  }

  /** Waits until {@code /metrics} shows {@code line}. */
  static void awaitMetric(String line) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> harness.get("/metrics", null).body().contains(line));
  }

  @Test
  void failingThenRecoveringEndpoint_receivesEveryEvent_withValidSignatures() throws Exception {
    Set<String> ids =
        IntStream.range(0, 5)
            .mapToObj(i -> publish("retry.order." + i).id())
            .collect(Collectors.toSet());

    await().atMost(Duration.ofSeconds(20)).until(() -> flaky.acceptedEventIds().containsAll(ids));
    for (WebhookEndpoint.Received r : flaky.received()) {
      assertThat(WebhookEndpoint.signatureVerifies(r, SECRET)).isTrue();
      assertThat(r.headers().get("Content-Type")).isEqualTo("application/cloudevents+json");
      assertThat(r.headers().get("Sluice-Subscription")).isEqualTo("flaky");
    }
    assertThat(flaky.received()).hasSizeGreaterThanOrEqualTo(15);
    String metrics = harness.get("/metrics", null).body();
    assertThat(metrics)
        .contains("sluice_push_deliveries_total{outcome=\"delivered\",subscription=\"flaky\"} 5.0")
        .contains("sluice_push_attempts_total{result=\"5xx\",subscription=\"flaky\"}");
  }

  @Test
  void tamperedBody_failsVerification() throws Exception {
    String id = publish("mixed.tamper").id();
    await().atMost(Duration.ofSeconds(10)).until(() -> healthy.acceptedEventIds().contains(id));
    WebhookEndpoint.Received r =
        healthy.received().stream().filter(x -> x.eventId().equals(id)).findFirst().orElseThrow();
    byte[] changed = r.body().clone();
    changed[changed.length - 2] ^= 1;
    var tampered = new WebhookEndpoint.Received(r.headers(), changed, r.answered());
    assertThat(WebhookEndpoint.signatureVerifies(r, SECRET)).isTrue();
    assertThat(WebhookEndpoint.signatureVerifies(tampered, SECRET)).isFalse();
    assertThat(WebhookEndpoint.signatureVerifies(r, SECRET + "x")).isFalse();
  }

  @Test
  void endpointThatNeverRecovers_fillsTheDeadLetterSubject_withFailureMetadata() {
    Broker broker = harness.gateway().broker();
    List<Delivery> dead = new CopyOnWriteArrayList<>();
    Subscription dlq =
        broker.subscribe(
            SubjectPattern.of("deadletter.push.broken"),
            SubscribeOptions.defaults(),
            d -> {
              dead.add(d);
              d.ack();
            });
    try {
      Set<String> ids =
          IntStream.range(0, 3)
              .mapToObj(i -> publish("never.order." + i).id())
              .collect(Collectors.toSet());

      await().atMost(Duration.ofSeconds(20)).until(() -> dead.size() >= 3);
      assertThat(dead.stream().map(d -> d.event().id()).collect(Collectors.toSet())).isEqualTo(ids);
      for (Delivery d : dead) {
        assertThat(d.event().extensionAsString("dlqreason")).contains("exhausted");
        assertThat(d.event().extensionAsString("dlqattempts")).contains("3");
        assertThat(d.event().extensionAsString("dlqstatus")).contains("503");
        assertThat(d.event().extensionAsString("dlqerrormessage")).contains("HTTP 503");
        assertThat(d.event().extensionAsString("dlqpushsubscription")).contains("broken");
        assertThat(d.event().extensionAsString("dlqsubject").orElseThrow())
            .startsWith("never.order.");
      }
      long attempts = broken.received().stream().filter(r -> ids.contains(r.eventId())).count();
      assertThat(attempts).isEqualTo(9);
    } finally {
      dlq.close();
    }
    awaitMetric(
        "sluice_push_deliveries_total{outcome=\"dead_lettered\",subscription=\"broken\"} 3.0");
  }

  @Test
  void deniedSubjectsMatchingThePattern_areNeverDelivered_butAuditedAndSkipped() {
    String secret = publish("mixed.secret.plans").id();
    String allowed = publish("mixed.public.news").id();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> healthy.acceptedEventIds().contains(allowed));
    awaitMetric("sluice_push_deliveries_total{outcome=\"denied\",subscription=\"mixed\"} 1.0");
    assertThat(healthy.received()).noneMatch(r -> r.eventId().equals(secret));
    String audit =
        harness.get("/v1/audit?subject=mixed.secret.plans", harness.token("admin")).body();
    assertThat(audit).contains("default-deny").contains("billing");
  }

  @Test
  void concurrencyBound_isNeverExceeded_andReached() {
    Set<String> ids =
        IntStream.range(0, 10)
            .mapToObj(i -> publish("slow.order." + i).id())
            .collect(Collectors.toSet());

    await().atMost(Duration.ofSeconds(20)).until(() -> slow.acceptedEventIds().containsAll(ids));
    assertThat(slow.maxOpen()).isEqualTo(2);
  }

  @Test
  void subscriptionWhoseOwnerMayNotSubscribe_isNotStarted_showsInReadiness_butTheGatewayStaysReady()
      throws Exception {
    var ready = harness.get("/health/ready", null);

    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode checks = new ObjectMapper().readTree(ready.body());
    assertThat(checks.at("/pushSubscriptions/flaky").asText()).isEqualTo("running");
    assertThat(checks.at("/pushSubscriptions/forbidden").asText())
        .startsWith("not started: its owner may not subscribe to forbidden.>");
    assertThat(harness.get("/metrics", null).body())
        .contains("sluice_push_up{subscription=\"forbidden\"} 0.0")
        .contains("sluice_push_up{subscription=\"flaky\"} 1.0");
  }

  @Test
  void configuredSubscription_cannotBeDeletedOverTheApi() {
    var response =
        harness.send(
            harness
                .request("/v1/push-subscriptions/flaky")
                .header("Authorization", "Bearer " + harness.token("admin"))
                .DELETE());

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("configuration file");
  }

  @Test
  void secretNeverAppearsInLogsOrResponses() {
    String list = harness.get("/v1/push-subscriptions", harness.token("admin")).body();
    String ready = harness.get("/health/ready", null).body();

    assertThat(list).contains("\"flaky\"").doesNotContain(SECRET);
    assertThat(ready).contains("pushSubscriptions").doesNotContain(SECRET);
    assertThat(logs.events()).noneMatch(e -> e.getFormattedMessage().contains(SECRET));
  }
}
