package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.subject.SubjectPattern;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Routes with {@code emit} publish every allowed call as a CloudEvent on the gateway's broker. */
class ProxyEmitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  static String yaml(UpstreamServers u, String ackMode) {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: orders, pathPrefix: /orders, upstream: orders,"
        + " emit: {subject: api.calls.orders, ackMode: "
        + ackMode
        + "}}\n"
        + "    - {name: quiet, pathPrefix: /quiet, upstream: orders}\n"
        + "  pools:\n"
        + "    - {name: orders, instances: "
        + u.instances("http")
        + "}\n";
  }

  @Test
  void allowedCall_isEmitted_withTheVerifiedIdentity_andNeitherBodyNorCredentials()
      throws Exception {
    List<CloudEvent> events = new CopyOnWriteArrayList<>();
    try (UpstreamServers u =
            UpstreamServers.start(
                1, (i, req) -> req.body().onSuccess(b -> req.response().setStatusCode(201).end()));
        GatewayHarness gw = GatewayHarness.start(yaml(u, "none"), new ProxyPolicy());
        Subscription sub = subscribe(gw, events)) {
      String token = gw.token("alice");
      HttpResponse<String> response =
          gw.send(
              gw.request("/orders/7")
                  .header("Authorization", "Bearer " + token)
                  .header("X-API-Key", "sk-not-for-events")
                  .header("Sluice-Identity-Id", "admin")
                  .POST(HttpRequest.BodyPublishers.ofString("secret-body")));
      assertThat(response.statusCode()).isEqualTo(201);

      await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
      CloudEvent event = events.get(0);
      assertThat(event.type()).isEqualTo("io.sluice.proxy.call");
      assertThat(event.source()).isEqualTo("/sluice/proxy/orders");
      assertThat(event.id()).isEqualTo(response.headers().firstValue("Sluice-Request-Id").get());
      assertThat(event.subject()).hasValue("http.POST.orders.7");
      assertThat(event.extensionAsString("authtype")).hasValue("app_user");
      assertThat(event.extensionAsString("authid")).hasValue("alice");
      assertThat(event.extensionAsString("traceparent"))
          .hasValueSatisfying(tp -> assertThat(tp).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
      JsonNode data = JSON.readTree(event.data().orElseThrow());
      assertThat(data.get("method").asText()).isEqualTo("POST");
      assertThat(data.get("path").asText()).isEqualTo("/orders/7");
      assertThat(data.get("route").asText()).isEqualTo("orders");
      assertThat(data.get("upstream").asText()).isEqualTo("127.0.0.1:" + u.port(0));
      assertThat(data.get("status").asInt()).isEqualTo(201);
      assertThat(data.get("latencyMicros").asLong()).isPositive();
      assertThat(data.get("requestId").asText()).isEqualTo(event.id());
      String everything = event + new String(event.data().get(), StandardCharsets.UTF_8);
      assertThat(everything)
          .doesNotContain("secret-body")
          .doesNotContain(token)
          .doesNotContain("sk-not-for-events")
          .doesNotContain("admin");
    }
  }

  @Test
  void deniedCalls_andRoutesWithoutEmit_publishNothing() {
    List<CloudEvent> events = new CopyOnWriteArrayList<>();
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u, "durable"), new ProxyPolicy());
        Subscription sub = subscribe(gw, events)) {
      assertThat(gw.get("/orders/1", gw.token("bob")).statusCode()).isEqualTo(403);
      assertThat(gw.get("/orders/1", null).statusCode()).isEqualTo(401);
      assertThat(gw.get("/quiet/1", gw.token("alice")).statusCode()).isEqualTo(200);
      assertThat(gw.get("/orders/2", gw.token("alice")).statusCode()).isEqualTo(200);

      await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
      assertThat(events)
          .singleElement()
          .satisfies(e -> assertThat(e.subject()).hasValue("http.GET.orders.2"));
    }
  }

  @Test
  void emittedCall_auditRecord_namesWhereTheEventWent() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u, "durable"), new ProxyPolicy())) {
      assertThat(gw.get("/orders/3", gw.token("alice")).statusCode()).isEqualTo(200);

      await().atMost(Duration.ofSeconds(5)).until(() -> ProxyAuditTest.outcomes(gw).size() == 1);
      assertThat(ProxyAuditTest.outcomes(gw).get(0).receipt())
          .matches(".* emitted=api\\.calls\\.orders/[0-9]+");
    }
  }

  static Subscription subscribe(GatewayHarness gw, List<CloudEvent> into) {
    return gw.gateway()
        .broker()
        .subscribe(
            SubjectPattern.of("api.calls.>"),
            SubscribeOptions.defaults(),
            d -> {
              into.add(d.event());
              d.ack();
            });
  }
}
