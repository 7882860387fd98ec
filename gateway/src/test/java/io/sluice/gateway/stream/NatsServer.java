package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/** A real {@code nats-server} with JetStream on a free loopback port, stopped by its process. */
public final class NatsServer implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/sbin/nats-server");

  private final Path storeDir;
  private final int port;
  private final Process process;

  private NatsServer(Path storeDir, int port, Process process) {
    this.storeDir = storeDir;
    this.port = port;
    this.process = process;
  }

  public static NatsServer start() throws IOException {
    if (!Files.isExecutable(BINARY)) {
      fail("nats-server not found at " + BINARY + "; install it: apt-get install nats-server");
    }
    Path dir = Files.createTempDirectory("sluice-gateway-nats");
    int port = freePort();
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "-a",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-js",
                "-sd",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nats-server.log").toFile())
            .start();
    NatsServer server = new NatsServer(dir, port, process);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .alias("nats-server accepting on port " + port)
        .until(server::accepts);
    return server;
  }

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  private boolean accepts() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> paths = Files.walk(storeDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
