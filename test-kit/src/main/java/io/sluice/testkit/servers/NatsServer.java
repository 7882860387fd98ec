package io.sluice.testkit.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real {@code nats-server} with JetStream on a free loopback port and a temporary store folder.
 * It can be killed and started again on the same port and store; {@link #close} stops it by PID and
 * deletes the store. For one server per test class use {@link NatsServerExtension}.
 */
public final class NatsServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(15);

  private final List<String> command;
  private final Path storeDir;
  private final Path logFile;
  private final int port;
  private Process process;

  private NatsServer(List<String> extraArgs, Path storeDir, int port) {
    this.storeDir = storeDir;
    this.logFile = storeDir.resolve("nats-server.log");
    this.port = port;
    this.command = new ArrayList<>(List.of(binary(), "-a", "127.0.0.1", "-p", "" + port, "-js"));
    command.addAll(List.of("-sd", storeDir.toString()));
    command.addAll(extraArgs);
  }

  /** Starts a server with JetStream and no authentication; returns once it is ready. */
  public static NatsServer start() {
    return start(List.of());
  }

  /** Starts a server with extra command-line options, e.g. {@code --user}, {@code --pass}. */
  public static NatsServer start(List<String> extraArgs) {
    NatsServer server =
        new NatsServer(List.copyOf(extraArgs), tempDir(), LocalProcesses.freePort());
    server.launch();
    return server;
  }

  /** {@code nats://127.0.0.1:<port>}. */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  public void kill() {
    LocalProcesses.kill(process);
  }

  /** Starts the server again on the same port and store, stopping it first if it runs. */
  public void restart() {
    LocalProcesses.stop(process);
    launch();
  }

  /** Stops the server by PID, forcibly if it does not exit within five seconds. */
  public void stop() {
    LocalProcesses.stop(process);
  }

  @Override
  public void close() {
    stop();
    LocalProcesses.deleteTree(storeDir);
  }

  private void launch() {
    int logStart = LocalProcesses.read(logFile).length();
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command.get(0), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    awaitReady(logStart);
  }

  private void awaitReady(int logStart) {
    try {
      Awaitility.await()
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> process.isAlive() && readySince(logStart) && accepts());
    } catch (ConditionTimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "nats-server did not become ready on port " + port + "; its output:\n" + log(), e);
    }
  }

  private boolean readySince(int logStart) {
    String log = log();
    return log.length() > logStart && log.substring(logStart).contains("Server is ready");
  }

  private boolean accepts() {
    return ScriptedBrokers.listening("127.0.0.1", port);
  }

  private String log() {
    return LocalProcesses.read(logFile);
  }

  private static String binary() {
    return LocalProcesses.binary("nats-server", "apt-get install nats-server");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sluice-nats");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a store folder for nats-server", e);
    }
  }
}
