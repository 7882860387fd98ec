package io.sluice.testkit.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka and Pulsar test brokers that {@code ci/brokers/brokers.sh} runs from Maven Central
 * jars. {@link #ensureRunning} uses a broker already listening on its port; otherwise it starts one
 * with the script and stops it when the test JVM exits, so a plain {@code ./mvnw verify} needs no
 * setup.
 */
public final class ScriptedBrokers {
  private static final Set<String> STARTED = new HashSet<>();

  private ScriptedBrokers() {}

  /**
   * Makes sure {@code name} ({@code kafka} or {@code pulsar}) listens on {@code host:port}; fails
   * with the script's output and how to start it by hand when it cannot.
   */
  public static synchronized void ensureRunning(String name, String host, int port) {
    if (listening(host, port) || STARTED.contains(name)) {
      return;
    }
    Path script = script();
    run(script, "start", name);
    STARTED.add(name);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> run(script, "stop", name), "stop-test-" + name));
    if (!listening(host, port)) {
      throw new IllegalStateException(
          name + " was started but does not listen on " + host + ":" + port);
    }
  }

  static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
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
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script, e);
    }
  }
}
