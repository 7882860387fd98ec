package io.sluice.pulsar;

import io.sluice.broker.Broker;
import io.sluice.testkit.servers.ScriptedBrokers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** The test Pulsar broker: {@code -Dpulsar.url}, default {@code pulsar://127.0.0.1:16650}. */
final class TestBroker {
  static final String URL = System.getProperty("pulsar.url", "pulsar://127.0.0.1:16650");

  private TestBroker() {}

  /** Fails with instructions when nothing listens at the test broker's address. */
  static void requireRunning() {
    URI uri = URI.create(URL);
    if (URL.equals("pulsar://127.0.0.1:16650")) { // the scripted test broker, not an override
      ScriptedBrokers.ensureRunning("pulsar", "127.0.0.1", 16650);
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
    } catch (IOException e) {
      throw new IllegalStateException(
          "no Pulsar broker at "
              + URL
              + "; start the test brokers: ci/brokers/brokers.sh start pulsar",
          e);
    }
  }

  static Broker connect() {
    requireRunning();
    return Broker.connect(URL);
  }
}
