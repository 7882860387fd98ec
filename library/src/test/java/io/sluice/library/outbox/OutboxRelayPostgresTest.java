package io.sluice.library.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.Capability;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.library.ConsumerOptions;
import io.sluice.library.Event;
import io.sluice.library.EventContract;
import io.sluice.library.Handlers;
import io.sluice.library.PublishOptions;
import io.sluice.library.Publisher;
import io.sluice.library.Sluice;
import io.sluice.library.UserCreated;
import io.sluice.library.idempotency.ProcessedKeyStore;
import io.sluice.library.testing.TestBroker;
import io.sluice.testkit.servers.PostgresSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboxRelayPostgresTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private final TestBroker broker = TestBroker.createWithout(Capability.DEDUPLICATION);
  private final Sluice sluice = broker.client();
  private final Publisher<UserCreated> users =
      sluice.publisher("users.created", EventContract.of(UserCreated.class));
  private final List<OutboxRelay> relays = new ArrayList<>();
  private Outbox outbox;
  private String table;

  @BeforeEach
  void freshTable(org.junit.jupiter.api.TestInfo info) {
    table = "outbox_" + info.getTestMethod().orElseThrow().getName().hashCode() % 1000;
    table = table.replace('-', 'm');
    outbox = Outbox.inTable(table);
    outbox.migrate(dataSource());
  }

  @AfterEach
  void close() {
    relays.forEach(OutboxRelay::close);
    sluice.close();
    broker.close();
  }

  private DataSource dataSource() {
    return DB.dataSource();
  }

  private OutboxRelay relay(int batchSize) {
    OutboxRelay relay =
        OutboxRelay.create(
            dataSource(),
            broker,
            OutboxRelayOptions.defaults()
                .withTable(table)
                .withBatchSize(batchSize)
                .withPollInterval(Duration.ofMillis(20)));
    relays.add(relay);
    return relay;
  }

  private List<CloudEvent> writeUsers(int count, boolean commit) throws SQLException {
    List<CloudEvent> events = new ArrayList<>();
    try (Connection tx = dataSource().getConnection()) {
      tx.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        CloudEvent event =
            users.toEvent(
                new UserCreated("u" + i, "u" + i + "@example.com"), PublishOptions.defaults());
        outbox.append(tx, "users.created", event);
        events.add(event);
      }
      if (commit) {
        tx.commit();
      } else {
        tx.rollback();
      }
    }
    return events;
  }

  private int unsent() throws SQLException {
    try (Connection c = dataSource().getConnection()) {
      return new OutboxQueries(OutboxTable.named(table)).countUnsent(c);
    }
  }

  private static List<String> ids(List<CloudEvent> events) {
    return events.stream().map(CloudEvent::id).toList();
  }

  @Test
  void write_inRolledBackTransaction_isNeverPublished() throws SQLException {
    writeUsers(3, false);

    assertThat(relay(10).relayOnce()).isZero();
    assertThat(broker.published()).isEmpty();
  }

  @Test
  void relay_publishesCommittedRowsInOrderAndMarksThemSent() throws SQLException {
    List<CloudEvent> written = writeUsers(5, true);

    assertThat(relay(3).relayOnce()).isEqualTo(3);
    assertThat(relay(3).relayOnce()).isEqualTo(2);

    assertThat(ids(broker.published("users.created"))).isEqualTo(ids(written));
    assertThat(unsent()).isZero();
    assertThat(relay(3).relayOnce()).isZero();
  }

  @Test
  void relay_givesEventsWithoutAKeyTheirIdAsIdempotencyKey() throws SQLException {
    List<CloudEvent> written = writeUsers(1, true);

    relay(10).relayOnce();

    CloudEvent published = broker.published("users.created").getFirst();
    assertThat(published.extensionAsString(Extensions.IDEMPOTENCY_KEY))
        .contains(written.getFirst().id());
    assertThat(published.data())
        .hasValueSatisfying(d -> assertThat(d).isEqualTo(written.getFirst().data().orElseThrow()));
    assertThat(published.extension(Extensions.EVENT_VERSION)).contains(1);
  }

  @Test
  void relay_whoseBrokerFails_leavesRowsUnsentForTheNextRelay() throws SQLException {
    List<CloudEvent> written = writeUsers(2, true);
    TestBroker closed = TestBroker.create();
    closed.close();
    OutboxRelay failing =
        OutboxRelay.create(dataSource(), closed, OutboxRelayOptions.defaults().withTable(table));

    assertThat(failing.relayOnce()).isZero();
    assertThat(unsent()).isEqualTo(2);
    assertThat(relay(10).relayOnce()).isEqualTo(2);

    assertThat(ids(broker.published("users.created"))).isEqualTo(ids(written));
    assertThat(unsent()).isZero();
  }

  @Test
  void relays_inParallel_publishEveryRowExactlyOnce() throws SQLException {
    List<CloudEvent> written = writeUsers(60, true);

    relay(4).start();
    relay(4).start();
    relay(4).start();

    await().until(() -> unsent() == 0);
    assertThat(ids(broker.published("users.created")))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(ids(written));
  }

  @Test
  void relay_crashingBetweenPublishAndMarkSent_losesNothingAndConsumerHandlesEachOnce()
      throws SQLException {
    DB.run(
        "CREATE SEQUENCE " + table + "_failures",
        "CREATE FUNCTION "
            + table
            + "_fail_once() RETURNS trigger AS $$ BEGIN"
            + " IF nextval('"
            + table
            + "_failures') = 1 THEN"
            + " RAISE EXCEPTION 'relay crashed before marking sent'; END IF;"
            + " RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER fail_once BEFORE UPDATE ON "
            + table
            + " FOR EACH ROW EXECUTE FUNCTION "
            + table
            + "_fail_once()");
    List<String> handled = new CopyOnWriteArrayList<>();
    sluice.subscribe(
        "users.created",
        EventContract.of(UserCreated.class),
        Handlers.of((Event<UserCreated> e) -> handled.add(e.id()))
            .withIdempotency(ProcessedKeyStore.jdbc(dataSource(), Duration.ofHours(1))),
        ConsumerOptions.named("welcome"));
    List<CloudEvent> written = writeUsers(3, true);

    assertThatThrownBy(() -> relay(10).relayOnce())
        .isInstanceOf(OutboxException.class)
        .hasMessageContaining("relay crashed before marking sent");
    assertThat(unsent()).isEqualTo(3);
    assertThat(relay(10).relayOnce()).isEqualTo(3);

    assertThat(unsent()).isZero();
    assertThat(broker.published("users.created")).hasSize(6);
    await().until(() -> broker.duplicatesSkipped().size() == 3);
    assertThat(handled).containsExactlyInAnyOrderElementsOf(ids(written));
  }
}
