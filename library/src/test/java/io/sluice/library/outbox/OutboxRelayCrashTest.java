package io.sluice.library.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.Broker;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.library.ConsumerOptions;
import io.sluice.library.Event;
import io.sluice.library.EventContract;
import io.sluice.library.Handlers;
import io.sluice.library.Sluice;
import io.sluice.library.UserCreated;
import io.sluice.library.idempotency.ProcessedKeyStore;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.servers.PostgresSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay killed with SIGKILL while it publishes, then a fresh relay: every row reaches the broker
 * at least once, an idempotent consumer handles each exactly once, and every row ends up sent.
 */
class OutboxRelayCrashTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();
  private static final String TABLE = "outbox_crash";
  private static final int ROWS = 400;
  private static final int BATCH = 25;

  @TempDir Path dir;

  @Test
  void relayKilledMidPublish_restartedRelayCompletesAndConsumerSeesEachEventOnce()
      throws Exception {
    Outbox outbox = Outbox.inTable(TABLE);
    outbox.migrate(DB.dataSource());
    List<String> ids = writeRows(outbox);
    String brokerUrl = "embedded:" + dir.resolve("broker");

    int killAfter = ThreadLocalRandom.current().nextInt(25, ROWS / 2);
    Process child = startRelayProcess(brokerUrl);
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> !child.isAlive() || (sent() >= killAfter && earlyInABatch()));
      assertThat(child.isAlive()).as("relay process output:%n%s", childOutput()).isTrue();
    } finally {
      child.destroyForcibly().waitFor();
    }
    int sentAtKill = sent();
    Set<String> publishedBeforeKill = publishedByChild();
    assertThat(sentAtKill).isBetween(killAfter, ROWS - 1);
    assertThat(publishedBeforeKill).hasSizeGreaterThanOrEqualTo(sentAtKill);
    int inTheWindow = publishedBeforeKill.size() - sentAtKill;
    assertThat(inTheWindow).as("rows published but not marked sent at the kill").isPositive();

    try (Broker broker = Broker.connect(brokerUrl);
        OutboxRelay relay = restartedRelay(broker).start();
        Sluice sluice = Sluice.client(broker)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> sent() == ROWS);

      Map<String, Integer> onTheWire = countDeliveries(broker);
      assertThat(onTheWire.keySet()).containsExactlyInAnyOrderElementsOf(ids);

      Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
      sluice.subscribe(
          "users.created",
          EventContract.of(UserCreated.class),
          Handlers.of(
                  (Event<UserCreated> e) ->
                      handled.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet())
              .withIdempotency(ProcessedKeyStore.inMemory(Duration.ofMinutes(5))),
          ConsumerOptions.named("crash-consumer")
              .withBroker(SubscribeOptions.group("crash-consumer").withStart(StartPosition.all())));
      await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == ROWS);
      await().during(Duration.ofMillis(300)).until(() -> handled.size() == ROWS);
      assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
      System.out.printf(
          "killed with %d rows marked sent, %d published but not marked; %d deliveries for %d rows%n",
          sentAtKill,
          inTheWindow,
          onTheWire.values().stream().mapToInt(Integer::intValue).sum(),
          ROWS);
    }
  }

  private List<String> writeRows(Outbox outbox) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection tx = DB.dataSource().getConnection()) {
      tx.setAutoCommit(false);
      for (int i = 0; i < ROWS; i++) {
        CloudEvent event = userCreated(i);
        outbox.append(tx, "users.created", event);
        ids.add(event.id());
      }
      tx.commit();
    }
    return ids;
  }

  private static CloudEvent userCreated(int i) {
    String json = "{\"userId\":\"u" + i + "\",\"email\":\"u" + i + "@example.com\"}";
    return CloudEvent.builder()
        .id(UUID.randomUUID().toString())
        .source("/crash-test")
        .type("user.created")
        .data("application/json", json.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private Process startRelayProcess(String brokerUrl) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            OutboxRelayProcess.class.getName(),
            DB.urlWithUser(),
            TABLE,
            brokerUrl,
            String.valueOf(BATCH))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("relay.log").toFile())
        .start();
  }

  /**
   * True when the running relay has published a few rows of its batch and not yet marked them sent,
   * with most of the batch still to go: a kill now lands between publish and mark-sent.
   */
  private boolean earlyInABatch() throws IOException, SQLException {
    int sent = sent();
    int publishedNotMarked = publishedByChild().size() - sent;
    return publishedNotMarked > 0 && publishedNotMarked <= BATCH / 2;
  }

  /** Event ids the killed relay saw confirmed by the broker. */
  private Set<String> publishedByChild() throws IOException {
    return childOutput()
        .lines()
        .filter(line -> line.startsWith(OutboxRelayProcess.PUBLISHED))
        .map(line -> line.substring(OutboxRelayProcess.PUBLISHED.length()).trim())
        .collect(Collectors.toSet());
  }

  private String childOutput() throws IOException {
    Path log = dir.resolve("relay.log");
    return Files.exists(log) ? Files.readString(log) : "(none)";
  }

  private OutboxRelay restartedRelay(Broker broker) {
    return OutboxRelay.create(
        DB.dataSource(),
        broker,
        OutboxRelayOptions.defaults()
            .withTable(TABLE)
            .withBatchSize(BATCH)
            .withPollInterval(Duration.ofMillis(10)));
  }

  private int sent() throws SQLException {
    try (Connection c = DB.dataSource().getConnection()) {
      return ROWS - new OutboxQueries(OutboxTable.named(TABLE)).countUnsent(c);
    }
  }

  /** Every delivery of users.created from the start, counted by event id. */
  private static Map<String, Integer> countDeliveries(Broker broker) {
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    var subscription =
        broker.subscribe(
            SubjectPattern.of("users.created"),
            SubscribeOptions.defaults().withStart(StartPosition.all()),
            d -> {
              counts.merge(d.event().id(), 1, Integer::sum);
              d.ack();
            });
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> counts.size() == ROWS);
      await().during(Duration.ofMillis(300)).until(() -> true);
      return Map.copyOf(counts);
    } finally {
      subscription.close();
    }
  }
}
