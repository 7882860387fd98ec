package io.sluice.redis;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
 * Starts a redis-server of the test's own on a free loopback port, without persistence, and stops
 * it by its PID after the tests. Fails loudly when redis-server is not installed.
 */
final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
  private Process server;
  private int port;
  private int depth;
  private Path workDir;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (depth++ > 0) {
      return; // a nested test class: the outermost class started the server
    }
    port = freePort();
    workDir = Files.createTempDirectory("sluice-redis-test");
    start();
  }

  private void start() throws IOException {
    server =
        new ProcessBuilder(
                findRedisServer(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                workDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("redis.log").toFile()))
            .start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(this::answersPing);
  }

  /** Stops the server by its PID and starts a fresh one on the same port; its data is gone. */
  void restart() throws Exception {
    stop();
    start();
  }

  private void stop() throws InterruptedException {
    ProcessHandle.of(server.pid()).ifPresent(ProcessHandle::destroy);
    server.waitFor();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (--depth > 0 || server == null) {
      return;
    }
    stop();
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  Broker open(Map<String, Object> settings) {
    return Broker.connect(BrokerSpec.of(url()).withSettings(settings));
  }

  /** Sends one inline command and returns the raw reply. */
  String command(String line) throws IOException {
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

  private boolean answersPing() {
    if (!server.isAlive()) {
      throw new IllegalStateException(
          "redis-server exited at start; see " + workDir.resolve("redis.log"));
    }
    try {
      return command("PING").startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static String findRedisServer() {
    for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    throw new IllegalStateException(
        "redis-server is not installed: apt-get install redis-server (Debian package"
            + " redis-server)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
