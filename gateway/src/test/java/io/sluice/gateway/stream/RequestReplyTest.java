package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.subject.SubjectPattern;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /v1/request/{subject}} against a responder on the in-memory broker. */
class RequestReplyTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  GatewayHarness harness;
  String alice;

  @BeforeEach
  void start() {
    harness = GatewayHarness.start("", new StreamPolicy());
    alice = harness.token("alice");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void request_withResponder_returnsTheReplyEvent200() throws Exception {
    try (Subscription responder = respond("rpc.echo")) {
      HttpResponse<String> r =
          harness.post("/v1/request/rpc.echo?timeout=5s", alice, "application/json", "{\"q\":1}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/cloudevents+json");
      JsonNode reply = JSON.readTree(r.body());
      assertThat(reply.get("type").asText()).isEqualTo("rpc.echo.reply");
      CloudEvent event = JsonFormat.decode(r.body().getBytes(StandardCharsets.UTF_8));
      assertThat(new String(event.data().orElseThrow(), StandardCharsets.UTF_8))
          .isEqualTo("asked by alice: {\"q\":1}");
    }
  }

  @Test
  void request_withoutReplyInTime_returns504() throws Exception {
    try (Subscription silent =
        harness
            .gateway()
            .broker()
            .subscribe(SubjectPattern.of("rpc.slow"), SubscribeOptions.defaults(), d -> d.ack())) {
      HttpResponse<String> r =
          harness.post("/v1/request/rpc.slow?timeout=200ms", alice, "application/json", "{}");

      assertThat(r.statusCode()).isEqualTo(504);
      assertThat(JSON.readTree(r.body()).get("type").asText()).endsWith("/request-timeout");
    }
  }

  @Test
  void request_withNoResponders_returns503() throws Exception {
    HttpResponse<String> r =
        harness.post("/v1/request/rpc.nobody?timeout=1s", alice, "application/json", "{}");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(r.body()).get("type").asText()).endsWith("/no-responders");
  }

  @Test
  void request_withoutPermission_returns403() {
    HttpResponse<String> r =
        harness.post("/v1/request/orders.created", alice, "application/json", "{}");

    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void request_withInvalidTimeout_returns400NamingIt() {
    HttpResponse<String> r =
        harness.post("/v1/request/rpc.echo?timeout=forever", alice, "application/json", "{}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("'forever'");
  }

  private Subscription respond(String subject) {
    return harness
        .gateway()
        .broker()
        .subscribe(
            SubjectPattern.of(subject),
            SubscribeOptions.defaults(),
            d -> {
              String asked = new String(d.event().data().orElseThrow(), StandardCharsets.UTF_8);
              String who = d.event().extensionAsString("authid").orElse("?");
              d.reply(
                  CloudEvent.builder()
                      .id(UUID.randomUUID().toString())
                      .source("/responder")
                      .type(subject + ".reply")
                      .data("text/plain", ("asked by " + who + ": " + asked).getBytes())
                      .build());
              d.ack();
            });
  }
}
