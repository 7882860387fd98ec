package io.sluice.nats;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real {@code nats-server} with JetStream on a free loopback port and a temporary store
 * directory before a test class, and stops it by PID afterwards (also when tests fail). The server
 * can be killed and started again on the same port with the same store in between.
 */
public final class NatsServerExtension implements BeforeAllCallback, AfterAllCallback {
  private static final Path BINARY = Path.of("/usr/sbin/nats-server");
  private static final Duration STARTUP = Duration.ofSeconds(15);

  private final List<String> extraArgs;
  private Path storeDir;
  private Path logFile;
  private int port;
  private Process process;
  private long logStart;

  /** A server with JetStream and no authentication. */
  public NatsServerExtension() {
    this(List.of());
  }

  /** A server started with extra command-line options, e.g. {@code --user}, {@code --pass}. */
  public NatsServerExtension(List<String> extraArgs) {
    this.extraArgs = List.copyOf(extraArgs);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (!Files.isExecutable(BINARY)) {
      fail(
          "nats-server not found at "
              + BINARY
              + "; install nats-server: apt-get install nats-server");
    }
    storeDir = Files.createTempDirectory("sluice-nats-js");
    logFile = storeDir.resolve("nats-server.log");
    port = freePort();
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    stop();
    deleteRecursively(storeDir);
  }

  /** {@code nats://127.0.0.1:<port>}. */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the server on the same port and store directory; returns once it accepts clients. */
  public void start() throws IOException {
    logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "-a",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-js",
                "-sd",
                storeDir.toString()));
    command.addAll(extraArgs);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    awaitReady();
  }

  /** Deletes a stream if it exists, forgetting its messages, consumers and idempotency keys. */
  public void deleteStream(String name) throws Exception {
    try (io.nats.client.Connection nc = io.nats.client.Nats.connect(url())) {
      io.nats.client.JetStreamManagement jsm = nc.jetStreamManagement();
      if (jsm.getStreamNames().contains(name)) {
        jsm.deleteStream(name);
      }
    }
  }

  /** Kills the server process at once (SIGKILL), as a crash would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Stops the server gracefully by PID, forcibly if it does not exit within 5 seconds. */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
    if (handle != null) {
      handle.destroy();
      handle.onExit().completeOnTimeout(handle, 5, java.util.concurrent.TimeUnit.SECONDS).join();
      handle.destroyForcibly();
    }
  }

  private void awaitReady() throws IOException {
    try {
      Awaitility.await()
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  process.isAlive()
                      && accepts()
                      && log().substring((int) logStart).contains("Server is ready"));
    } catch (ConditionTimeoutException e) {
      process.destroyForcibly();
      fail("nats-server did not become ready on port " + port + "; its output:\n" + log());
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String log() throws IOException {
    return Files.exists(logFile) ? Files.readString(logFile) : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }
}
