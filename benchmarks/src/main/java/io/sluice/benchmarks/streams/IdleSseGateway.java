package io.sluice.benchmarks.streams;

import io.sluice.gateway.AccessControl;
import io.sluice.gateway.Gateway;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.identity.DevelopmentIdentity;
import io.sluice.gateway.policy.Decision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway under measurement, run as its own JVM: an embedded broker in a temporary directory, a
 * development identity and a policy that allows everything (the cost of policy is not what is
 * measured). Prints {@code SSE-BENCH port=… token=…}, then answers {@code measure} on stdin with
 * {@code SSE-BENCH heap=<bytes after a full GC> rss=<kB>} until {@code exit}.
 */
public final class IdleSseGateway {
  static final String PREFIX = "SSE-BENCH ";

  private IdleSseGateway() {}

  public static void main(String[] args) throws IOException {
    logAt(ch.qos.logback.classic.Level.INFO);
    Path dir = Files.createTempDirectory("sluice-sse-bench");
    String yaml =
        "server: {host: 127.0.0.1, port: 0}\n"
            + "broker: {url: \"embedded:"
            + dir.resolve("broker")
            + "\"}\n"
            + "audit: {store: {url: \"jdbc:h2:file:"
            + dir.resolve("audit")
            + "\"}}\n"
            + "limits: {rateLimit: {perSecond: 1000000, burst: 1000000}}\n"
            + "logging: {format: text}\n";
    DevelopmentIdentity identity = DevelopmentIdentity.create(Clock.systemUTC());
    AccessControl access =
        AccessControl.of(
            identity.authenticator(),
            (who, action, target) -> new Decision(true, "bench", "benchmark", "bench"),
            "bench");
    try (Gateway gateway = Gateway.start(ConfigLoader.parse(yaml, Map.of()), access)) {
      String token = identity.mint("bench", Map.of(), Duration.ofHours(1));
      say("port=" + gateway.port() + " token=" + token);
      serve();
    }
  }

  /** Netty's and Vert.x's DEBUG lines would bury the report and cost what is being measured. */
  static void logAt(ch.qos.logback.classic.Level level) {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(level);
  }

  private static void serve() throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
      if (line.equals("measure")) {
        say("heap=" + heapAfterGc() + " rss=" + rssKb());
      }
    }
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static void say(String line) {
    System.out.println(PREFIX + line);
    System.out.flush();
  }
}
