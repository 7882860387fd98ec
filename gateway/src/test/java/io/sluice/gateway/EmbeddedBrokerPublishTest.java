package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.SubjectPattern;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default broker of {@code sluice serve}: durable receipts with a stream and a sequence. */
class EmbeddedBrokerPublishTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @Test
  void publish_toEmbeddedBroker_returnsStreamAndSequence_andSubscriberSeesIdentity()
      throws Exception {
    try (GatewayHarness harness = GatewayHarness.startEmbedded("", new TestPolicy())) {
      List<CloudEvent> seen = new CopyOnWriteArrayList<>();
      try (Subscription s =
          harness
              .gateway()
              .broker()
              .subscribe(
                  SubjectPattern.of("orders.>"),
                  SubscribeOptions.defaults(),
                  d -> {
                    seen.add(d.event());
                    d.ack();
                  })) {
        HttpResponse<String> response =
            harness.post(
                "/v1/events/orders.durable", harness.token("alice"), "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(receipt.get("stream").asText()).isNotBlank();
        assertThat(receipt.get("sequence").asLong()).isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        assertThat(seen.get(0).extension("authid")).contains("alice");
      }
    }
  }
}
