package io.sluice.library.outbox;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.Capability;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows in order and marks them sent.
 *
 * <p>Each batch runs in one transaction: claim unsent rows in order with {@code SELECT ... FOR
 * UPDATE SKIP LOCKED} (so relays in parallel never take the same row), publish them one by one,
 * mark them sent, commit. A crash or failure between publish and commit rolls the marks back and
 * the rows are published again later, with the same {@code idempotencykey}: at least once, with
 * duplicates suppressed by the broker or by consumers' processed-key stores.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final DataSource dataSource;
  private final Broker broker;
  private final OutboxRelayOptions options;
  private final OutboxQueries queries;
  private ScheduledExecutorService loop;

  private OutboxRelay(DataSource dataSource, Broker broker, OutboxRelayOptions options) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.broker = Objects.requireNonNull(broker, "broker");
    this.options = Objects.requireNonNull(options, "options");
    this.queries = new OutboxQueries(OutboxTable.named(options.table()));
  }

  /** A relay that runs only when {@link #relayOnce()} is called or after {@link #start()}. */
  public static OutboxRelay create(DataSource dataSource, Broker broker, OutboxRelayOptions o) {
    return new OutboxRelay(dataSource, broker, o);
  }

  /** Relays in the background until closed, polling when idle. */
  public synchronized OutboxRelay start() {
    if (loop == null) {
      loop =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("sluice-outbox-relay").factory());
      long poll = options.pollInterval().toMillis();
      loop.scheduleWithFixedDelay(this::relayAvailable, 0, poll, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private void relayAvailable() {
    try {
      while (relayOnce() == options.batchSize()) {
        LOG.debug("full batch relayed; looking for more");
      }
    } catch (RuntimeException e) {
      LOG.warn("outbox relay batch failed; rows stay unsent and are retried: {}", e.toString());
    }
  }

  /**
   * Claims, publishes and marks one batch; returns how many rows were published and marked. Rows
   * after a failed publish stay for the next batch.
   */
  public int relayOnce() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int sent = relayBatch(c);
        c.commit();
        return sent;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new OutboxException("outbox relay on " + options.table() + " failed", e);
    }
  }

  private int relayBatch(Connection c) throws SQLException {
    List<OutboxRow> rows = queries.claimUnsent(c, options.batchSize());
    int published = 0;
    for (OutboxRow row : rows) {
      if (!publish(row)) {
        break;
      }
      published++;
    }
    queries.markSent(c, rows.subList(0, published));
    return published;
  }

  private boolean publish(OutboxRow row) {
    try {
      broker
          .publish(row.subject(), row.event(), ackMode())
          .toCompletableFuture()
          .get(options.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.warn(
          "publishing outbox row {} (event {}) failed; retried later: {}",
          row.seq(),
          row.event().id(),
          e.toString());
      return false;
    }
  }

  private AckMode ackMode() {
    return options.ackMode() == AckMode.DURABLE && !broker.has(Capability.DURABLE_PUBLISH)
        ? AckMode.FIRE_AND_FORGET
        : options.ackMode();
  }

  /** Stops the background loop, letting a running batch finish (at most the publish timeout). */
  @Override
  public synchronized void close() {
    if (loop == null) {
      return;
    }
    loop.shutdown();
    try {
      Duration wait = options.publishTimeout().multipliedBy(2);
      loop.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loop = null;
  }
}
