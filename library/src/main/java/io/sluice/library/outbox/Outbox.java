package io.sluice.library.outbox;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The transactional outbox: events written in the same JDBC transaction as the domain change they
 * announce, published later by an {@link OutboxRelay}. If the transaction rolls back, the event is
 * never published; if it commits, the event is published at least once.
 *
 * <p>Each row keeps the whole CloudEvent. An event written without an {@code idempotencykey} gets
 * its {@code id} as one, so a row republished after a relay crash is recognised as a duplicate by
 * brokers that de-duplicate and by consumers with a processed-key store.
 */
public final class Outbox {
  /** The table used unless another is named. */
  public static final String DEFAULT_TABLE = "sluice_outbox";

  private final OutboxTable table;

  private Outbox(OutboxTable table) {
    this.table = table;
  }

  /** The outbox in {@value #DEFAULT_TABLE}. */
  public static Outbox create() {
    return new Outbox(OutboxTable.named(DEFAULT_TABLE));
  }

  /** The outbox in another table (a plain SQL identifier). */
  public static Outbox inTable(String table) {
    return new Outbox(OutboxTable.named(table));
  }

  /** Inserts the event into {@value #DEFAULT_TABLE} within the caller's transaction. */
  public static void write(Connection tx, String subject, CloudEvent event) {
    create().append(tx, subject, event);
  }

  /** Creates the table if it is missing (PostgreSQL or H2); safe to run at every start. */
  public void migrate(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(table.ddl());
    } catch (SQLException e) {
      throw new OutboxException("cannot create outbox table " + table.name(), e);
    }
  }

  /**
   * Inserts the event within the caller's transaction: nothing is committed here, and the row is
   * visible to relays only once the caller commits.
   */
  public void append(Connection tx, String subject, CloudEvent event) {
    Subject target = Subject.of(subject);
    CloudEvent keyed = withIdempotencyKey(event);
    String sql =
        "INSERT INTO "
            + table.name()
            + " (subject, event_id, event_json, created_at)"
            + " VALUES (?, ?, ?, ?)";
    try (PreparedStatement s = tx.prepareStatement(sql)) {
      s.setString(1, target.value());
      s.setString(2, keyed.id());
      s.setString(3, EventRows.toJson(keyed));
      s.setTimestamp(4, Timestamp.from(Instant.now()));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new OutboxException("cannot write event " + event.id() + " to " + table.name(), e);
    }
  }

  String tableName() {
    return table.name();
  }

  private static CloudEvent withIdempotencyKey(CloudEvent event) {
    return event.extension(Extensions.IDEMPOTENCY_KEY).isPresent()
        ? event
        : event.toBuilder().extension(Extensions.IDEMPOTENCY_KEY, event.id()).build();
  }
}
