package io.sluice.testkit.servers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka and Pulsar test brokers that {@code ci/brokers/brokers.sh} runs from Maven Central
 * jars, on free loopback ports it picks at each start. {@link #ensureRunning} uses the broker this
 * checkout already runs (started by hand with the script); otherwise it starts one with the script
 * and stops it, by PID, when the test JVM exits, so a plain {@code ./mvnw verify} needs no setup.
 * Either way it answers the addresses the script wrote to {@code
 * ci/brokers/work/<name>/endpoint.properties}. A broker of another checkout is never used: each has
 * its own work folder and ports.
 */
public final class ScriptedBrokers {
  private static final Map<String, Map<String, String>> ENDPOINTS = new HashMap<>();

  private ScriptedBrokers() {}

  /**
   * Makes sure this checkout's {@code name} broker ({@code kafka} or {@code pulsar}) runs and
   * returns its addresses: {@code kafka.bootstrap} for Kafka, {@code pulsar.url} and {@code
   * pulsar.admin} for Pulsar. Fails with the script's output and how to start it by hand when it
   * cannot.
   */
  public static synchronized Map<String, String> ensureRunning(String name) {
    Map<String, String> known = ENDPOINTS.get(name);
    if (known != null) {
      return known;
    }
    Path script = script();
    Path work = script.resolveSibling("work").resolve(name);
    Map<String, String> endpoint = runningEndpoint(name, work).orElseGet(() -> start(script, name));
    ENDPOINTS.put(name, endpoint);
    return endpoint;
  }

  static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The endpoint of a broker the script started earlier and whose process is still alive. */
  private static Optional<Map<String, String>> runningEndpoint(String name, Path work) {
    Path pidFile = work.resolve(name + ".pid");
    Path endpoint = work.resolve("endpoint.properties");
    if (!Files.isRegularFile(pidFile) || !Files.isRegularFile(endpoint)) {
      return Optional.empty();
    }
    String pid = LocalProcesses.read(pidFile).strip();
    boolean alive =
        pid.matches("\\d+")
            && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    return alive ? Optional.of(read(endpoint)) : Optional.empty();
  }

  private static Map<String, String> start(Path script, String name) {
    run(script, "start", name);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> run(script, "stop", name), "stop-test-" + name));
    Path work = script.resolveSibling("work").resolve(name);
    return runningEndpoint(name, work)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    name + " was started but " + work + " names no running broker"));
  }

  private static Map<String, String> read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
    Map<String, String> endpoint = new HashMap<>();
    properties.stringPropertyNames().forEach(key -> endpoint.put(key, properties.getProperty(key)));
    return Map.copyOf(endpoint);
  }

  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("ci/brokers/brokers.sh");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "ci/brokers/brokers.sh not found above " + Path.of("").toAbsolutePath());
  }

  private static void run(Path script, String command, String name) {
    try {
      Path log = Files.createTempFile("sluice-" + name + "-" + command, ".log");
      Process process =
          new ProcessBuilder("bash", script.toString(), command, name)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "could not "
                + command
                + " the test "
                + name
                + " broker with "
                + script
                + " (run it by hand: bash ci/brokers/brokers.sh "
                + command
                + " "
                + name
                + "):\n"
                + Files.readString(log));
      }
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script, e);
    }
  }
}
