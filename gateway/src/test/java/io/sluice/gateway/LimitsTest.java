package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LimitsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @Test
  void publish_overRateLimit_returns429WithRetryAfter() throws Exception {
    String yaml = "limits:\n  rateLimit:\n    perSecond: 0.01\n    burst: 2\n";
    try (GatewayHarness harness = GatewayHarness.start(yaml, new TestPolicy())) {
      String alice = harness.token("alice");
      String bob = harness.token("bob");
      harness.post("/v1/events/orders.a", alice, "application/json", "{}");
      harness.post("/v1/events/orders.a", alice, "application/json", "{}");

      HttpResponse<String> third =
          harness.post("/v1/events/orders.a", alice, "application/json", "{}");
      HttpResponse<String> otherIdentity =
          harness.post("/v1/events/orders.a", bob, "application/json", "{}");

      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After").map(Long::parseLong))
          .hasValueSatisfying(s -> assertThat(s).isPositive());
      assertThat(JSON.readTree(third.body()).get("type").asText()).endsWith("/rate-limited");
      assertThat(otherIdentity.statusCode()).as("buckets are per identity").isEqualTo(403);
    }
  }

  @Test
  void publish_whenBrokerNotConnected_returns503WithRetryAfter() throws Exception {
    try (GatewayHarness harness = GatewayHarness.start("", new TestPolicy())) {
      harness.gateway().broker().close();

      HttpResponse<String> response =
          harness.post("/v1/events/orders.a", harness.token("alice"), "application/json", "{}");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
      assertThat(JSON.readTree(response.body()).get("type").asText())
          .endsWith("/broker-unavailable");
      assertThat(harness.get("/health/ready", null).statusCode()).isEqualTo(503);
    }
  }

  @Test
  void publishes_beyondMaxInFlight_get503Overloaded() throws Exception {
    String yaml = "limits:\n  maxInFlight: 1\n";
    try (GatewayHarness harness = GatewayHarness.startEmbedded(yaml, new TestPolicy())) {
      StringBuilder batch = new StringBuilder("[");
      for (int i = 0; i < 20; i++) {
        batch
            .append(i == 0 ? "" : ",")
            .append("{\"specversion\":\"1.0\",\"id\":\"e")
            .append(i)
            .append("\",\"source\":\"/t\",\"type\":\"t\",\"subject\":\"orders.a\"}");
      }
      HttpResponse<String> response =
          harness.post(
              "/v1/events",
              harness.token("alice"),
              "application/cloudevents-batch+json",
              batch.append("]").toString());

      assertThat(response.statusCode()).isEqualTo(207);
      assertThat(JSON.readTree(response.body()).get("results"))
          .anySatisfy(r -> assertThat(r.get("status").asInt()).isEqualTo(202))
          .anySatisfy(r -> assertThat(r.at("/problem/type").asText()).endsWith("/overloaded"));
    }
  }
}
