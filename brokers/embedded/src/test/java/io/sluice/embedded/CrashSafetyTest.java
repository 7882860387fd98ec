package io.sluice.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.SubscribeOptions;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a publishing and consuming child JVM with SIGKILL at seeded random points, restarts it on
 * the same directory, and checks the promises of the docs: every acknowledged publish is in the log
 * exactly once at the sequence it was given, and no event whose ack was confirmed is ever delivered
 * again.
 */
class CrashSafetyTest {
  private static final long SEED = 20261123L;
  private static final int ROUNDS = 15;

  @TempDir Path dir;

  private final Map<String, Long> acknowledgedPublishes = new HashMap<>();
  private final Set<String> confirmedAcks = new HashSet<>();
  private final Set<String> delivered = new HashSet<>();
  private final List<String> violations = new ArrayList<>();

  @Test
  void sigkillAtRandomPoints_losesNoAcknowledgedPublish_andRedeliversNoConfirmedAck()
      throws Exception {
    Random random = new Random(SEED);
    for (int round = 0; round < ROUNDS; round++) {
      String fsync = round % 2 == 0 ? "batch" : "always";
      String output = runAndKill("r" + round, fsync, 30 + random.nextInt(400));
      check(output);
    }
    assertThat(violations).as("confirmed acks delivered again").isEmpty();
    assertThat(acknowledgedPublishes).hasSizeGreaterThan(ROUNDS * 30);
    Map<String, Long> logged = readLog();
    acknowledgedPublishes.forEach(
        (id, seq) ->
            assertThat(logged.get(id)).as("sequence of acknowledged " + id).isEqualTo(seq));
    assertGroupResumesWithoutConfirmedAcks(logged.keySet());
  }

  /**
   * Starts the child, waits until it has acknowledged {@code publishes} events, then kills it. The
   * child writes its claims to a file, not a pipe: bytes it wrote before the kill are in the file
   * whatever the kill interrupts, while the tail of a pipe can be lost when the process exits while
   * the parent is reading it.
   */
  private String runAndKill(String round, String fsync, int publishes) throws Exception {
    Path stderr = dir.resolveSibling(dir.getFileName() + "-" + round + ".err");
    Path stdout = dir.resolveSibling(dir.getFileName() + "-" + round + ".out");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingPublisher.class.getName(),
                dir.toString(),
                round,
                fsync)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .failFast("child died: " + stderrOf(stderr), () -> !child.isAlive())
          .until(() -> count(Files.readString(stdout), "PUB ") >= publishes);
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    return completeLines(Files.readString(stdout));
  }

  private void check(String output) {
    for (String line : output.lines().toList()) {
      String[] parts = line.split(" ");
      switch (parts[0]) {
        case "PUB" -> acknowledgedPublishes.put(parts[2], Long.parseLong(parts[1]));
        case "ACK" -> confirmedAcks.add(parts[1]);
        case "DLV" -> {
          delivered.add(parts[1]);
          if (confirmedAcks.contains(parts[1])) {
            violations.add(parts[1]);
          }
        }
        default -> violations.add("unexpected output: " + line);
      }
    }
  }

  /** Every event in the log by id; fails on an id stored twice. */
  private Map<String, Long> readLog() {
    Map<String, Long> logged = new HashMap<>();
    try (Storage storage = Storage.open(dir)) {
      EventLog log = new EventLog(storage, EmbeddedSettings.of(dir), java.time.Clock.systemUTC());
      for (long seq = log.firstSequence(); seq <= log.lastSequence(); seq++) {
        String id = log.read(seq).event().id();
        assertThat(logged.put(id, seq)).as("event " + id + " stored twice").isNull();
      }
    }
    return logged;
  }

  /**
   * Resumes group {@code crash} in process until a marker published last arrives (a group delivers
   * in sequence order): it gets no confirmed ack again, and every logged event it skips was
   * delivered before (its ack became durable, though the kill came before the confirmation).
   */
  private void assertGroupResumesWithoutConfirmedAcks(Set<String> logged) {
    Set<String> remaining = ConcurrentHashMap.newKeySet();
    try (Broker broker = Broker.connect("embedded:" + dir)) {
      broker.subscribe(
          SubjectPattern.of("crash.>"),
          SubscribeOptions.group("crash"),
          d -> {
            remaining.add(d.event().id());
            d.ack();
          });
      var marker = TestEvents.event("marker");
      broker.publish(io.sluice.subject.Subject.of("crash.marker"), marker, AckMode.DURABLE);
      await().until(() -> remaining.contains(marker.id()));
    }
    assertThat(remaining).doesNotContainAnyElementsOf(confirmedAcks);
    Set<String> skipped = new HashSet<>(logged);
    skipped.removeAll(remaining);
    assertThat(delivered).containsAll(skipped);
  }

  private static int count(String text, String prefix) {
    int count = 0;
    for (int i = text.indexOf(prefix); i >= 0; i = text.indexOf(prefix, i + 1)) {
      count++;
    }
    return count;
  }

  /** The output up to the last newline: a line cut by the kill is not a claim. */
  private static String completeLines(String text) {
    return text.substring(0, text.lastIndexOf('\n') + 1);
  }

  private static String stderrOf(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(no stderr)";
    } catch (IOException e) {
      return "(stderr unreadable: " + e + ")";
    }
  }
}
