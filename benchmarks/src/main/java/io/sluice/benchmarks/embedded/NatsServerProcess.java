package io.sluice.benchmarks.embedded;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/** A {@code nats-server -js} with file storage, started for one benchmark trial. */
final class NatsServerProcess implements AutoCloseable {
  private final Process process;
  private final String url;

  private NatsServerProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static NatsServerProcess start(Path storeDir) throws IOException, InterruptedException {
    int port = freePort();
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "nats-server",
                  "-js",
                  "-a",
                  "127.0.0.1",
                  "-p",
                  String.valueOf(port),
                  "-sd",
                  storeDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(storeDir.resolveSibling("nats-server.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "nats-server is not on the PATH; install it (https://docs.nats.io/running-a-nats-service/"
              + "introduction/installation, e.g. 'go install github.com/nats-io/nats-server/v2@latest'"
              + " or 'apt-get install nats-server') and run the benchmark again",
          e);
    }
    return new NatsServerProcess(process, "nats://127.0.0.1:" + port);
  }

  /** Connects, retrying while the server starts (at most ten seconds). */
  Connection connect() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return Nats.connect(new Options.Builder().server(url).build());
      } catch (IOException e) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw new IllegalStateException("nats-server did not accept connections on " + url, e);
        }
        Thread.sleep(50);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
