package io.sluice.kafka;

import io.sluice.broker.Broker;
import io.sluice.testkit.servers.ScriptedBrokers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The test Kafka broker: {@code -Dkafka.bootstrap}, default {@code 127.0.0.1:19092}. */
final class TestBroker {
  static final String BOOTSTRAP = System.getProperty("kafka.bootstrap", "127.0.0.1:19092");
  static final String URL = "kafka://" + BOOTSTRAP;

  private TestBroker() {}

  /** Fails with instructions when nothing listens at the test broker's address. */
  static void requireRunning() {
    String first = BOOTSTRAP.split(",")[0];
    int colon = first.lastIndexOf(':');
    if (BOOTSTRAP.equals("127.0.0.1:19092")) { // the scripted test broker, not an override
      ScriptedBrokers.ensureRunning("kafka", "127.0.0.1", 19092);
    }
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
          2_000);
    } catch (IOException e) {
      throw new IllegalStateException(
          "no Kafka broker at " + BOOTSTRAP + "; start it: ci/brokers/brokers.sh start kafka", e);
    }
  }

  static Broker connect() {
    requireRunning();
    return Broker.connect(URL);
  }

  /** Deletes the topics whose names start with {@code prefix}. */
  static void deleteTopics(String prefix) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
      Set<String> created =
          admin.listTopics().names().get().stream()
              .filter(t -> t.startsWith(prefix))
              .collect(Collectors.toSet());
      admin.deleteTopics(created).all().get();
    }
  }
}
