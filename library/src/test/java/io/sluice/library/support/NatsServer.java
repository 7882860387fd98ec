package io.sluice.library.support;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A nats-server of our own with JetStream, on a free loopback port and a temporary store, for one
 * test class; stopped by its process afterwards. Fails loudly when nats-server is not installed.
 */
public final class NatsServer implements BeforeAllCallback, AfterAllCallback {
  private static final Path BINARY = Path.of("/usr/sbin/nats-server");

  private Process process;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          "nats-server not found at " + BINARY + "; install it with 'apt-get install nats-server'");
    }
    Path store = Files.createTempDirectory("library-nats");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    process =
        new ProcessBuilder(
                BINARY.toString(),
                "-js",
                "-a",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-sd",
                store.toString())
            .redirectErrorStream(true)
            .redirectOutput(store.resolve("nats.log").toFile())
            .start();
    Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(this::accepts);
  }

  private boolean accepts() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (process != null) {
      process.destroy();
    }
  }

  /** A broker with one in-memory stream covering {@code subjects}. */
  public Broker connect(String stream, List<String> subjects) {
    Map<String, Object> streamSettings =
        Map.of("name", stream, "subjects", subjects, "storage", "memory");
    return Broker.connect(
        BrokerSpec.of("nats://127.0.0.1:" + port)
            .withSettings(Map.of("streams", List.of(streamSettings))));
  }
}
