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

/**
 * The test Kafka broker: {@code -Dkafka.bootstrap} when given, otherwise this checkout's broker of
 * {@code ci/brokers/brokers.sh}, started on free ports when it does not run yet.
 */
final class TestBroker {
  private TestBroker() {}

  /** The bootstrap servers of the test broker, starting the scripted one when needed. */
  static String bootstrap() {
    String given = System.getProperty("kafka.bootstrap", "");
    return given.isBlank() ? ScriptedBrokers.ensureRunning("kafka").get("kafka.bootstrap") : given;
  }

  /** Fails with instructions when nothing listens at the test broker's address. */
  static void requireRunning() {
    String bootstrap = bootstrap();
    String first = bootstrap.split(",")[0];
    int colon = first.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
          2_000);
    } catch (IOException e) {
      throw new IllegalStateException(
          "no Kafka broker at " + bootstrap + "; start it: ci/brokers/brokers.sh start kafka", e);
    }
  }

  static Broker connect() {
    requireRunning();
    return Broker.connect("kafka://" + bootstrap());
  }

  /** Deletes the topics whose names start with {@code prefix}. */
  static void deleteTopics(String prefix) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
      Set<String> created =
          admin.listTopics().names().get().stream()
              .filter(t -> t.startsWith(prefix))
              .collect(Collectors.toSet());
      admin.deleteTopics(created).all().get();
    }
  }
}
