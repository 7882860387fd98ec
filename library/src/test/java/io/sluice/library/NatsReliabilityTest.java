package io.sluice.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.Capability;
import io.sluice.broker.PublishReceipt;
import io.sluice.envelope.CloudEvent;
import io.sluice.library.idempotency.ProcessedKeyStore;
import io.sluice.library.outbox.Outbox;
import io.sluice.library.outbox.OutboxException;
import io.sluice.library.outbox.OutboxRelay;
import io.sluice.library.outbox.OutboxRelayOptions;
import io.sluice.library.testing.TestBroker;
import io.sluice.testkit.servers.NatsServerExtension;
import io.sluice.testkit.servers.PostgresSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries, dead letters, de-duplication and the outbox on a real NATS JetStream server. */
class NatsReliabilityTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private static final EventContract<UserCreated> CONTRACT = EventContract.of(UserCreated.class);

  private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
  private final TestBroker broker =
      TestBroker.wrap(NATS.connect(inMemoryStream(prefix.toUpperCase(), prefix + ".>")));
  private final Sluice sluice = broker.client();
  private final List<String> handled = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    sluice.close();
    broker.close();
  }

  /** Settings for one in-memory stream covering {@code subjects}. */
  private static Map<String, Object> inMemoryStream(String stream, String subjects) {
    return Map.of(
        "streams",
        List.of(Map.of("name", stream, "subjects", List.of(subjects), "storage", "memory")));
  }

  private String subject(String name) {
    return prefix + "." + name;
  }

  private void subscribe(EventHandler<UserCreated> handler) {
    sluice.subscribe(
        subject("users"),
        CONTRACT,
        Handlers.of(handler)
            .withRetry(RetryPolicy.exponential(3, Duration.ofMillis(20), Duration.ofMillis(100)))
            .withIdempotency(ProcessedKeyStore.inMemory(Duration.ofHours(1)))
            .withDeadLetter(subject("dead")),
        ConsumerOptions.named("onboarding-" + prefix));
  }

  @Test
  void failingHandler_isRetriedByBrokerRedeliveryThenDeadLettered() {
    assertThat(broker.has(Capability.DELAYED_REDELIVERY)).isTrue();
    AtomicInteger attempts = new AtomicInteger();
    subscribe(
        event -> {
          attempts.incrementAndGet();
          throw new IllegalStateException("mail server down");
        });

    sluice
        .publisher(subject("users"), CONTRACT)
        .publish(new UserCreated("u1", "ada@example.com"))
        .toCompletableFuture()
        .join();

    await().until(() -> broker.published(subject("dead")).size() == 1);
    CloudEvent dead = broker.published(subject("dead")).getFirst();
    assertThat(dead.extension(DeadLetters.ATTEMPTS)).contains(3);
    assertThat(dead.extension(DeadLetters.REASON)).contains(DeadLetters.REASON_EXHAUSTED);
    assertThat(attempts.get()).isEqualTo(3);
  }

  @Test
  void repeatedIdempotencyKey_isDroppedByJetStream() {
    subscribe(event -> handled.add(event.payload().userId()));
    Publisher<UserCreated> users = sluice.publisher(subject("users"), CONTRACT);
    PublishOptions sameKey = PublishOptions.defaults().withIdempotencyKey("signup-u2");

    users.publish(new UserCreated("u2", "b@example.com"), sameKey).toCompletableFuture().join();
    PublishReceipt second =
        users.publish(new UserCreated("u2", "b@example.com"), sameKey).toCompletableFuture().join();

    assertThat(second.duplicate()).isTrue();
    await().until(() -> handled.size() == 1);
    assertThat(broker.published(subject("users"))).hasSize(1);
  }

  @Test
  void outboxRelayCrashBeforeMarkSent_republishesButJetStreamKeepsOneCopy() throws SQLException {
    String table = "outbox_" + prefix;
    Outbox outbox = Outbox.inTable(table);
    outbox.migrate(DB.dataSource());
    DB.run(
        "CREATE SEQUENCE " + table + "_failures",
        "CREATE FUNCTION "
            + table
            + "_fail_once() RETURNS trigger AS $$ BEGIN IF nextval('"
            + table
            + "_failures') = 1 THEN RAISE EXCEPTION 'relay crashed before marking sent';"
            + " END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER fail_once BEFORE UPDATE ON "
            + table
            + " FOR EACH ROW EXECUTE FUNCTION "
            + table
            + "_fail_once()");
    subscribe(event -> handled.add(event.payload().userId()));
    Publisher<UserCreated> users = sluice.publisher(subject("users"), CONTRACT);
    try (Connection tx = DB.dataSource().getConnection()) {
      tx.setAutoCommit(false);
      for (int i = 0; i < 3; i++) {
        UserCreated user = new UserCreated("o" + i, "o" + i + "@example.com");
        outbox.append(tx, subject("users"), users.toEvent(user, PublishOptions.defaults()));
      }
      tx.commit();
    }
    OutboxRelay relay =
        OutboxRelay.create(DB.dataSource(), broker, OutboxRelayOptions.defaults().withTable(table));

    assertThatThrownBy(relay::relayOnce).isInstanceOf(OutboxException.class);
    assertThat(relay.relayOnce()).isEqualTo(3);

    await().until(() -> handled.size() == 3);
    assertThat(handled).containsExactlyInAnyOrder("o0", "o1", "o2");
    assertThat(broker.published(subject("users"))).hasSize(3);
  }
}
