package io.sluice.pulsar;

import io.sluice.broker.Broker;
import io.sluice.testkit.servers.ScriptedBrokers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The test Pulsar broker: {@code -Dpulsar.url} and {@code -Dpulsar.admin} when given, otherwise
 * this checkout's broker of {@code ci/brokers/brokers.sh}, started on free ports when it does not
 * run yet.
 */
final class TestBroker {
  private TestBroker() {}

  /** The broker's service URL, {@code pulsar://host:port}. */
  static String url() {
    return address("pulsar.url");
  }

  /** The broker's admin REST base URL, {@code http://host:port}. */
  static String adminUrl() {
    return address("pulsar.admin");
  }

  private static String address(String property) {
    String url = System.getProperty("pulsar.url", "");
    String admin = System.getProperty("pulsar.admin", "");
    if (url.isBlank() && admin.isBlank()) {
      return ScriptedBrokers.ensureRunning("pulsar").get(property);
    }
    if (url.isBlank() || admin.isBlank()) {
      throw new IllegalStateException(
          "give both -Dpulsar.url and -Dpulsar.admin, or neither (for the scripted test broker),"
              + " but pulsar.url was '"
              + url
              + "' and pulsar.admin '"
              + admin
              + "'");
    }
    return System.getProperty(property);
  }

  /** Fails with instructions when nothing listens at the test broker's address. */
  static void requireRunning() {
    URI uri = URI.create(url());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
    } catch (IOException e) {
      throw new IllegalStateException(
          "no Pulsar broker at "
              + uri
              + "; start the test brokers: ci/brokers/brokers.sh start pulsar",
          e);
    }
  }

  static Broker connect() {
    requireRunning();
    return Broker.connect(url());
  }
}
