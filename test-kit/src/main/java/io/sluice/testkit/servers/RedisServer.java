package io.sluice.testkit.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A real {@code redis-server} on a free loopback port, without persistence; {@link #close} stops it
 * by PID. For one server per test class use {@link RedisServerExtension}.
 */
public final class RedisServer implements AutoCloseable {
  private final List<String> command;
  private final Path workDir;
  private final int port;
  private Process process;

  private RedisServer(Path workDir, int port) {
    this.workDir = workDir;
    this.port = port;
    this.command =
        List.of(
            LocalProcesses.binary("redis-server", "apt-get install redis-server"),
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            workDir.toString());
  }

  /** Starts a server; returns once it answers {@code PING}. */
  public static RedisServer start() {
    RedisServer server = new RedisServer(tempDir(), LocalProcesses.freePort());
    server.launch();
    return server;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the server by its PID and starts a fresh one on the same port; its data is gone. */
  public void restart() {
    LocalProcesses.stop(process);
    launch();
  }

  /** Sends one inline command and returns the raw reply. */
  private String command(String line) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[65536];
      int n = in.read(buffer);
      return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    LocalProcesses.stop(process);
    LocalProcesses.deleteTree(workDir);
  }

  private void launch() {
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(workDir.resolve("redis.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command.get(0), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(this::answersPing);
  }

  private boolean answersPing() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "redis-server exited at start; its output:\n"
              + LocalProcesses.read(workDir.resolve("redis.log")));
    }
    try {
      return command("PING").startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sluice-redis");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a folder for redis-server", e);
    }
  }
}
