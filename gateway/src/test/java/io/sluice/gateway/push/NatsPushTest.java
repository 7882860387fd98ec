package io.sluice.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.testkit.servers.NatsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push subscriptions on NATS JetStream: retried until the endpoint recovers, and at least once
 * across a gateway restart, because the consumer is durable.
 */
class NatsPushTest {
  static final String SECRET = "nats-secret-" + UUID.randomUUID();
  static final Map<String, Object> STREAMS =
      Map.of("streams", List.of(Map.of("name", "HOOKS", "subjects", List.of("hooks.>"))));

  static NatsServer nats;
  static Broker publisher;
  static Path secretFile;

  @RegisterExtension
  final CapturedLogs logs = new CapturedLogs().allowWarningsFrom(PushDeliverer.class);

  @BeforeAll
  static void start() throws Exception {
    nats = NatsServer.start();
    publisher = Broker.connect(BrokerSpec.of(nats.url()).withSettings(STREAMS));
    secretFile = Files.createTempFile("nats-push-secret", ".txt");
    Files.writeString(secretFile, SECRET);
  }

  @AfterAll
  static void stop() throws Exception {
    publisher.close();
    nats.close();
  }

  static GatewayHarness gateway(WebhookEndpoint endpoint) {
    String broker =
        nats.url()
            + "\n  settings:\n    streams:\n      - name: HOOKS\n        subjects: [hooks.>]\n";
    String push =
        "push:\n  subscriptions:\n    - name: js\n      pattern: \"hooks.>\"\n      endpoint: "
            + endpoint.url()
            + "\n      secret: \"file:"
            + secretFile
            + "\"\n      owner: {id: billing}\n      maxAttempts: 6\n"
            + "      backoff: {initial: 50ms, max: 200ms}\n      timeout: 2s\n";
    return GatewayHarness.startOn(broker, push, new PushTestPolicy());
  }

  static String publish(String subject) {
    return PushTestEvents.publish(publisher, subject).id();
  }

  @Test
  void failingThenRecovering_andEventsPublishedWhileTheGatewayWasDown_allArrive() throws Exception {
    try (WebhookEndpoint endpoint = new WebhookEndpoint(attempt -> attempt <= 2 ? 500 : 200, 0)) {
      Set<String> ids = new HashSet<>();
      GatewayHarness first = gateway(endpoint);
      try {
        ids.add(publish("hooks.a"));
        ids.add(publish("hooks.b"));
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> endpoint.acceptedEventIds().containsAll(ids));
      } finally {
        first.close();
      }
      ids.add(publish("hooks.while-down.1"));
      ids.add(publish("hooks.while-down.2"));

      GatewayHarness second = gateway(endpoint);
      try {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> endpoint.acceptedEventIds().containsAll(ids));
      } finally {
        second.close();
      }
      for (WebhookEndpoint.Received r : endpoint.received()) {
        assertThat(WebhookEndpoint.signatureVerifies(r, SECRET)).isTrue();
      }
      assertThat(endpoint.received().stream().map(r -> r.headers().get("Sluice-Delivery-Attempt")))
          .contains("1", "2", "3");
    }
  }
}
