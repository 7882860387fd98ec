package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.gateway.idempotency.IdempotencyStore;
import io.sluice.gateway.idempotency.RequestFingerprint;
import io.sluice.subject.SubjectPattern;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final IdempotencyStore STORE =
      IdempotencyStore.inMemory(Duration.ofMinutes(5), 1000, Clock.systemUTC());
  static GatewayHarness harness;
  static String alice;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() {
    harness =
        GatewayHarness.start(
            "", new TestPolicy(), GatewayOptions.defaults().withIdempotencyStore(STORE));
    alice = harness.token("alice");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  HttpResponse<String> publish(String subject, String key, String body) {
    return harness.post(
        "/v1/events/" + subject, alice, "application/json", body, "Idempotency-Key", key);
  }

  @Test
  void retry_withSameKeyAndBody_replaysFirstResponse_andPublishesOnce() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Subscription s =
        harness
            .gateway()
            .broker()
            .subscribe(
                SubjectPattern.of("orders.idem"),
                SubscribeOptions.defaults(),
                d -> {
                  seen.add(d.event().id());
                  d.ack();
                })) {
      HttpResponse<String> first = publish("orders.idem", "key-1", "{\"n\":1}");
      HttpResponse<String> second = publish("orders.idem", "key-1", "{\"n\":1}");

      assertThat(first.statusCode()).isEqualTo(202);
      assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
      assertThat(second.statusCode()).isEqualTo(202);
      assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      assertThat(JSON.readTree(second.body())).isEqualTo(JSON.readTree(first.body()));
      String id = JSON.readTree(first.body()).get("id").asText();
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains(id));
      assertThat(seen).containsExactly(id);
    }
  }

  @Test
  void sameKey_differentBody_returns422() throws Exception {
    assertThat(publish("orders.idem2", "key-2", "{\"n\":1}").statusCode()).isEqualTo(202);

    HttpResponse<String> reused = publish("orders.idem2", "key-2", "{\"n\":2}");

    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(reused.body()).get("type").asText())
        .endsWith("/idempotency-key-reused");
  }

  @Test
  void sameKey_whileFirstStillInFlight_returns409() throws Exception {
    String body = "{\"n\":3}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    STORE.claim("alice", "key-3", RequestFingerprint.of("orders.idem3", "application/json", bytes));

    HttpResponse<String> concurrent = publish("orders.idem3", "key-3", body);

    assertThat(concurrent.statusCode()).isEqualTo(409);
    assertThat(concurrent.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void keys_areScopedPerIdentity() {
    assertThat(publish("orders.idem4", "key-4", "{}").statusCode()).isEqualTo(202);
    String admin = harness.token("admin");

    HttpResponse<String> other =
        harness.post(
            "/v1/events/orders.idem4",
            admin,
            "application/json",
            "{\"different\":true}",
            "Idempotency-Key",
            "key-4");

    assertThat(other.statusCode()).isEqualTo(403);
  }
}
