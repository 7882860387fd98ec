package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.identity.DevelopmentIdentity;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal is RFC 9457 problem+json with a specific type, and malformed input never 5xx. */
class ErrorResponsesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static GatewayHarness harness;
  static String alice;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() {
    harness =
        GatewayHarness.start(
            "limits:\n  maxBodyBytes: 2048\n  maxHeaderBytes: 4096\n", new TestPolicy());
    alice = harness.token("alice");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  static JsonNode problem(HttpResponse<String> response, int status, String slug) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("type").asText()).isEqualTo("https://sluice.io/problems/" + slug);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("detail").asText()).isNotBlank();
    assertThat(body.get("instance").asText()).startsWith("urn:uuid:");
    assertThat(response.headers().firstValue("Sluice-Request-Id"))
        .hasValueSatisfying(id -> assertThat(body.get("instance").asText()).endsWith(id));
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
    return body;
  }

  HttpResponse<String> postJson(String path, String token, String body) {
    return harness.post(path, token, "application/json", body);
  }

  /** POSTs {@code {}} to {@code orders.x} with exactly these headers (names and values in turn). */
  HttpResponse<String> publishWithHeaders(String... namesAndValues) {
    return harness.send(
        harness
            .request("/v1/events/orders.x")
            .headers(namesAndValues)
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  @Test
  void publish_withoutCredentials_returns401WithBearerChallenge() throws Exception {
    HttpResponse<String> response = publishWithHeaders("Content-Type", "application/json");

    problem(response, 401, "unauthenticated");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"sluice\"");
  }

  @Test
  void publish_withForgedToken_returns401InvalidToken() throws Exception {
    String other =
        DevelopmentIdentity.create(Clock.systemUTC())
            .mint("alice", java.util.Map.of(), Duration.ofMinutes(5));

    HttpResponse<String> response = postJson("/v1/events/orders.x", other, "{}");

    JsonNode body = problem(response, 401, "unauthenticated");
    assertThat(body.get("rule").asText()).isNotBlank();
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer ")
        .contains("error=\"invalid_token\"");
    assertThat(response.body()).doesNotContain(other);
  }

  @Test
  void publish_withoutPermission_returns403NamingTheRule() throws Exception {
    HttpResponse<String> response = postJson("/v1/events/payments.x", alice, "{}");

    JsonNode body = problem(response, 403, "forbidden");
    assertThat(body.get("rule").asText()).isEqualTo("default-deny");
    assertThat(body.get("detail").asText()).contains("payments.x");
  }

  @Test
  void publish_toInvalidSubject_returns400() throws Exception {
    problem(postJson("/v1/events/orders..x", alice, "{}"), 400, "invalid-subject");
  }

  @Test
  void publish_invalidCloudEvent_returns400ListingEveryViolation() throws Exception {
    HttpResponse<String> response =
        harness.post(
            "/v1/events/orders.x",
            alice,
            "application/cloudevents+json",
            "{\"specversion\":\"1.0\",\"source\":\"\"}");

    JsonNode body = problem(response, 400, "invalid-event");
    List<String> fields =
        body.get("violations").valueStream().map(v -> v.get("field").asText()).toList();
    assertThat(fields).contains("type", "source");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"a\":1} trailing", "", "nul", "[1,2", "\"unterminated"})
  void publish_malformedJson_returns400NotServerError(String body) throws Exception {
    problem(postJson("/v1/events/orders.x", alice, body), 400, "malformed-request");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "42", "\"text\"", "{\"specversion\":2}", "{\"data\":{}}"})
  void publish_structuredNonEvent_returns4xxNotServerError(String body) {
    HttpResponse<String> response =
        harness.post("/v1/events/orders.x", alice, "application/cloudevents+json", body);

    assertThat(response.statusCode()).isBetween(400, 499);
  }

  @Test
  void publish_invalidUtf8_returns400() throws Exception {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    HttpResponse<String> response =
        harness.send(
            harness
                .request("/v1/events/orders.x")
                .header("Authorization", "Bearer " + alice)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertThat(problem(response, 400, "malformed-request").get("detail").asText())
        .contains("UTF-8");
  }

  @Test
  void publish_disallowedContentType_returns415() throws Exception {
    HttpResponse<String> response =
        harness.post("/v1/events/orders.x", alice, "application/xml", "<a/>");

    assertThat(problem(response, 415, "unsupported-media-type").get("detail").asText())
        .contains("application/xml");
  }

  @Test
  void publish_withoutContentType_returns415() throws Exception {
    HttpResponse<String> response = publishWithHeaders("Authorization", "Bearer " + alice);

    problem(response, 415, "unsupported-media-type");
  }

  @Test
  void publish_bodyOverLimit_returns413() throws Exception {
    String big = "{\"pad\":\"" + "x".repeat(4096) + "\"}";

    HttpResponse<String> response = postJson("/v1/events/orders.x", alice, big);

    assertThat(problem(response, 413, "payload-too-large").get("detail").asText())
        .contains("limits.maxBodyBytes");
  }

  @Test
  void publish_hugeHeaders_returns431() throws Exception {
    HttpResponse<String> response =
        harness.post(
            "/v1/events/orders.x", alice, "application/json", "{}", "X-Padding", "p".repeat(6000));

    problem(response, 431, "headers-too-large");
  }

  @Test
  void unknownPath_returns404Problem() throws Exception {
    problem(harness.get("/v2/nothing", alice), 404, "not-found");
  }

  @Test
  void wrongMethod_returns405Problem() throws Exception {
    problem(
        harness.send(
            harness
                .request("/v1/events/orders.x")
                .header("Authorization", "Bearer " + alice)
                .DELETE()),
        405,
        "method-not-allowed");
  }

  @Test
  void invalidIdempotencyKey_returns400() throws Exception {
    HttpResponse<String> response =
        harness.post(
            "/v1/events/orders.x",
            alice,
            "application/json",
            "{}",
            "Idempotency-Key",
            "k".repeat(300));

    problem(response, 400, "invalid-parameter");
  }

  @Test
  void garbageAuthorizationHeaders_return401NotServerError() {
    for (String header : List.of("Bearer", "Bearer a.b.c", "Basic Zm9vOmJhcg==", "Bearer  x")) {
      HttpResponse<String> response =
          publishWithHeaders("Authorization", header, "Content-Type", "application/json");

      assertThat(response.statusCode()).as(header).isEqualTo(401);
    }
  }

  @Test
  void undecodablePath_returns400Problem() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", harness.gateway().port())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              "POST /v1/events/%ZZ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json");
      assertThat(response).contains("https://sluice.io/problems/malformed-request");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ce-time:yesterday", "ce-specversion:0.3", "ce-id:", "ce-Bad_Name:x"})
  void binaryModeWithBrokenAttribute_returns400(String header) {
    String[] nameValue = header.split(":", 2);
    HttpRequest.Builder request =
        harness
            .request("/v1/events/orders.x")
            .header("Authorization", "Bearer " + alice)
            .header("Content-Type", "application/json")
            .header("ce-type", "t")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (!nameValue[0].equals("ce-specversion")) {
      request.header("ce-specversion", "1.0");
    }
    if (!nameValue[1].isEmpty()) {
      request.header(nameValue[0], nameValue[1]);
    } else {
      request.header(nameValue[0], " ");
    }

    HttpResponse<String> response = harness.send(request);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
  }
}
