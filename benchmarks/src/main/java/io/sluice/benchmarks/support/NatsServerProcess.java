package io.sluice.benchmarks.support;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private {@code nats-server -js} on a free loopback port with a temporary file store, deleted on
 * close. The binary is the first {@code nats-server} on the PATH, else {@code /usr/sbin}.
 */
public final class NatsServerProcess implements AutoCloseable {
  private static final long STARTUP_NANOS = 15_000_000_000L;

  private final Path storeDir;
  private final int port;
  private final Process process;

  private NatsServerProcess(Path storeDir, int port, Process process) {
    this.storeDir = storeDir;
    this.port = port;
    this.process = process;
  }

  /** Starts the server and waits until it reports ready (at most 15 seconds). */
  public static NatsServerProcess start() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("sluice-bench-nats");
    int port = freePort();
    Process p =
        new ProcessBuilder(
                binary().toString(),
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

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** A new client connection to this server. */
  public Connection connect() throws IOException, InterruptedException {
    return Nats.connect(new Options.Builder().server(url()).build());
  }

  private static Path binary() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/usr/local/bin"))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "nats-server"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "nats-server is neither on the PATH nor in /usr/sbin; install it:"
                        + " apt-get install nats-server"));
  }

  private void awaitAccepting() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + STARTUP_NANOS;
    while (System.nanoTime() < deadline && process.isAlive()) {
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
