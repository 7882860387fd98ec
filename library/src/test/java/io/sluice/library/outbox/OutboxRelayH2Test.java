package io.sluice.library.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.envelope.CloudEvent;
import io.sluice.library.testing.TestBroker;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same relay on H2, whose {@code FOR UPDATE SKIP LOCKED} matches PostgreSQL's. */
class OutboxRelayH2Test {
  private final TestBroker broker = TestBroker.create();
  private final JdbcDataSource h2 = new JdbcDataSource();

  OutboxRelayH2Test() {
    h2.setURL("jdbc:h2:mem:outbox" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @AfterEach
  void close() {
    broker.close();
  }

  private static CloudEvent event(int n) {
    return CloudEvent.builder().id("e" + n).source("/tests").type("thing.happened").build();
  }

  @Test
  void relay_onH2_publishesCommittedRowsInOrderAndSkipsRolledBackOnes() throws SQLException {
    Outbox outbox = Outbox.create();
    outbox.migrate(h2);
    try (Connection tx = h2.getConnection()) {
      tx.setAutoCommit(false);
      Outbox.write(tx, "things", event(1));
      Outbox.write(tx, "things", event(2));
      tx.commit();
      Outbox.write(tx, "things", event(3));
      tx.rollback();
    }

    int sent = OutboxRelay.create(h2, broker, OutboxRelayOptions.defaults()).relayOnce();

    assertThat(sent).isEqualTo(2);
    assertThat(broker.published("things")).extracting(CloudEvent::id).containsExactly("e1", "e2");
  }

  @Test
  void relay_onH2_skipsRowsAnotherTransactionHasClaimed() throws SQLException {
    Outbox.create().migrate(h2);
    try (Connection tx = h2.getConnection()) {
      Outbox.write(tx, "things", event(1));
    }
    OutboxQueries queries = new OutboxQueries(OutboxTable.named(Outbox.DEFAULT_TABLE));
    try (Connection holder = h2.getConnection()) {
      holder.setAutoCommit(false);
      assertThat(queries.claimUnsent(holder, 10)).hasSize(1);

      int sent = OutboxRelay.create(h2, broker, OutboxRelayOptions.defaults()).relayOnce();

      assertThat(sent).isZero();
      holder.rollback();
    }
  }
}
