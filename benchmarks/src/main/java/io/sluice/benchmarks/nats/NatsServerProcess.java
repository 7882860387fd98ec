package io.sluice.benchmarks.nats;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private {@code nats-server -js} on a free loopback port with a temporary store. */
final class NatsServerProcess implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/sbin/nats-server");
  private static final long STARTUP_NANOS = 15_000_000_000L;

  private final Path storeDir;
  private final int port;
  private final Process process;

  private NatsServerProcess(Path storeDir, int port, Process process) {
    this.storeDir = storeDir;
    this.port = port;
    this.process = process;
  }

  static NatsServerProcess start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          "nats-server not found at "
              + BINARY
              + "; install nats-server: apt-get install nats-server");
    }
    Path dir = Files.createTempDirectory("sluice-bench-nats");
    int port = freePort();
    Process p =
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
    NatsServerProcess server = new NatsServerProcess(dir, port, p);
    server.awaitAccepting();
    return server;
  }

  String url() {
    return "nats://127.0.0.1:" + port;
  }

  private void awaitAccepting() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + STARTUP_NANOS;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        break;
      }
      if (accepts() && Files.readString(storeDir.resolve("nats-server.log")).contains("ready")) {
        return;
      }
      Thread.sleep(50);
    }
    close();
    throw new IllegalStateException("nats-server did not start on port " + port);
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    process.waitFor();
    try (Stream<Path> paths = Files.walk(storeDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
