package io.sluice.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.sluice.broker.Broker;
import io.sluice.testkit.BrokerCompatibilityKit;
import io.sluice.testkit.servers.NatsServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared broker compatibility kit against a real nats-server with JetStream. Each test starts
 * with a fresh stream over the kit's subjects: JetStream remembers idempotency keys per stream, and
 * the kit reuses the same keys in several tests.
 */
class NatsBrokerCompatibilityTest extends BrokerCompatibilityKit {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private static final String STREAM = "KIT";
  private static final Map<String, Object> SETTINGS =
      Map.of(
          "streams",
          List.of(Map.of("name", STREAM, "subjects", List.of("kit.>"), "storage", "file")));

  @RegisterExtension final BeforeEachCallback freshStream = context -> deleteStream(STREAM);

  @Override
  protected Broker openBroker() {
    return NATS.connect(SETTINGS);
  }

  /** Deletes a stream if it exists, forgetting its messages, consumers and idempotency keys. */
  private static void deleteStream(String name) throws Exception {
    try (Connection nc = Nats.connect(NATS.url())) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      if (jsm.getStreamNames().contains(name)) {
        jsm.deleteStream(name);
      }
    }
  }
}
