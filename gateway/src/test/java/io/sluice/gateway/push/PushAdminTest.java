package io.sluice.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.envelope.CloudEvent;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /v1/push-subscriptions}: create, list, show, delete, and every refusal as problem+json.
 */
class PushAdminTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "api-secret-" + UUID.randomUUID();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  WebhookEndpoint endpoint;
  Path store;
  GatewayHarness harness;
  String admin;

  @BeforeEach
  void start() throws Exception {
    endpoint = new WebhookEndpoint(attempt -> 200, 0);
    store = Files.createTempDirectory("push-store").resolve("push.json");
    harness = startGateway();
    admin = harness.token("admin");
  }

  GatewayHarness startGateway() {
    return GatewayHarness.startEmbedded(
        "push:\n  store: \"" + store + "\"\n", new PushTestPolicy());
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    endpoint.close();
  }

  String body(String name, String pattern) {
    return "{\"name\":\""
        + name
        + "\",\"pattern\":\""
        + pattern
        + "\",\"endpoint\":\""
        + endpoint.url()
        + "\",\"secret\":\""
        + SECRET
        + "\",\"maxAttempts\":3,\"backoff\":{\"initial\":\"50ms\"}}";
  }

  HttpResponse<String> create(String token, String body) {
    return harness.post("/v1/push-subscriptions", token, "application/json", body);
  }

  HttpResponse<String> delete(String token, String name) {
    return harness.send(
        harness
            .request("/v1/push-subscriptions/" + name)
            .header("Authorization", "Bearer " + token)
            .DELETE());
  }

  @Test
  void create_list_deliver_delete_andTheSecretIsNeverAnswered() throws Exception {
    HttpResponse<String> created = create(admin, body("orders-hook", "orders.>"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode json = JSON.readTree(created.body());
    assertThat(json.at("/subscription/status").asText()).isEqualTo("running");
    assertThat(json.at("/subscription/owner").asText()).isEqualTo("admin");
    assertThat(json.at("/subscription/group").asText()).isEqualTo("push-orders-hook");
    assertThat(json.at("/persistence").asText()).isEqualTo("file");
    String list = harness.get("/v1/push-subscriptions", admin).body();
    String one = harness.get("/v1/push-subscriptions/orders-hook", admin).body();
    assertThat(list).contains("orders-hook");
    assertThat(created.body() + list + one).doesNotContain(SECRET);

    CloudEvent event = publish("orders.created");
    await().atMost(Duration.ofSeconds(10)).until(() -> delivered(event.id()));
    assertThat(WebhookEndpoint.signatureVerifies(endpoint.received().get(0), SECRET)).isTrue();

    assertThat(delete(admin, "orders-hook").statusCode()).isEqualTo(204);
    assertThat(harness.get("/v1/push-subscriptions/orders-hook", admin).statusCode())
        .isEqualTo(404);
    assertThat(logs.events()).noneMatch(e -> e.getFormattedMessage().contains(SECRET));
  }

  @Test
  void createdSubscription_survivesARestart_whenAStoreIsConfigured() throws Exception {
    assertThat(create(admin, body("kept", "orders.>")).statusCode()).isEqualTo(201);
    assertThat(Files.getPosixFilePermissions(store)).hasToString("[OWNER_READ, OWNER_WRITE]");

    harness.close();
    harness = startGateway();
    admin = harness.token("admin");

    String raw = harness.get("/v1/push-subscriptions", admin).body();
    JsonNode list = JSON.readTree(raw);
    assertThat(raw).as(Files.readString(store)).contains("kept");
    assertThat(list.at("/subscriptions/0/name").asText()).isEqualTo("kept");
    assertThat(list.at("/subscriptions/0/status").asText()).isEqualTo("running");
    CloudEvent event = publish("orders.after-restart");
    await().atMost(Duration.ofSeconds(10)).until(() -> delivered(event.id()));
  }

  @Test
  void create_withoutCredentials_is401() {
    HttpResponse<String> response =
        harness.send(
            harness
                .request("/v1/push-subscriptions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("x", "orders.>"))));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void create_withoutAdmin_is403() {
    HttpResponse<String> response = create(harness.token("alice"), body("x", "orders.>"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("default-deny");
  }

  @Test
  void create_forAPatternTheAdminMayNotSubscribeTo_is403_andNothingIsCreated() {
    HttpResponse<String> response = create(admin, body("payroll", "payroll.>"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).contains("subscribe").contains("payroll.>");
    assertThat(harness.get("/v1/push-subscriptions", admin).body()).doesNotContain("payroll");
  }

  @Test
  void create_invalid_is400_listingEveryProblem_withoutEchoingTheSecret() throws Exception {
    String bad =
        "{\"name\":\"bad name\",\"pattern\":\"orders..x\",\"endpoint\":\"ftp://x\","
            + "\"secret\":\"short\",\"maxAttempts\":0,\"colour\":\"red\"}";
    HttpResponse<String> response = create(admin, bad);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode errors = JSON.readTree(response.body()).get("errors");
    assertThat(errors.toString())
        .contains("colour: unknown key")
        .contains("pattern: not a valid subject pattern")
        .contains("endpoint: must be an absolute http or https URL")
        .contains("secret must be at least 16 bytes")
        .contains("maxAttempts: must be between 1 and 1000")
        .doesNotContain("\"short\"");
    assertThat(create(admin, "[1,2]").statusCode()).isEqualTo(400);
  }

  @Test
  void create_sameNameTwice_is409() {
    assertThat(create(admin, body("twice", "orders.>")).statusCode()).isEqualTo(201);

    HttpResponse<String> again = create(admin, body("twice", "orders.>"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("twice");
  }

  @Test
  void delete_unknown_is404_andWithoutAdmin_is403() {
    assertThat(delete(admin, "nope").statusCode()).isEqualTo(404);
    assertThat(delete(harness.token("alice"), "nope").statusCode()).isEqualTo(403);
  }

  private CloudEvent publish(String subject) {
    return PushTestEvents.publish(harness.gateway().broker(), subject);
  }

  private boolean delivered(String id) {
    return endpoint.received().stream().anyMatch(r -> r.eventId().equals(id));
  }
}
