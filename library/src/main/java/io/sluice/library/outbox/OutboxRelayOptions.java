package io.sluice.library.outbox;

import io.sluice.broker.AckMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a relay works.
 *
 * @param table the outbox table
 * @param batchSize rows claimed and published per transaction
 * @param pollInterval how long an idle relay waits before looking again
 * @param publishTimeout how long one publish may take before the batch stops
 * @param ackMode the publish ack mode; {@link AckMode#DURABLE} for at-least-once
 */
public record OutboxRelayOptions(
    String table, int batchSize, Duration pollInterval, Duration publishTimeout, AckMode ackMode) {

  public OutboxRelayOptions {
    OutboxTable.named(table);
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(publishTimeout, "publishTimeout");
    Objects.requireNonNull(ackMode, "ackMode");
    List<String> problems = new ArrayList<>();
    if (batchSize < 1) {
      problems.add("batchSize must be >= 1 but was " + batchSize);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      problems.add("pollInterval must be > 0 but was " + pollInterval);
    }
    if (publishTimeout.isNegative() || publishTimeout.isZero()) {
      problems.add("publishTimeout must be > 0 but was " + publishTimeout);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** The default table, 100 rows a batch, polling every 200 ms, durable publishes. */
  public static OutboxRelayOptions defaults() {
    return new OutboxRelayOptions(
        Outbox.DEFAULT_TABLE, 100, Duration.ofMillis(200), Duration.ofSeconds(10), AckMode.DURABLE);
  }

  public OutboxRelayOptions withTable(String table) {
    return new OutboxRelayOptions(table, batchSize, pollInterval, publishTimeout, ackMode);
  }

  public OutboxRelayOptions withBatchSize(int batchSize) {
    return new OutboxRelayOptions(table, batchSize, pollInterval, publishTimeout, ackMode);
  }

  public OutboxRelayOptions withPollInterval(Duration pollInterval) {
    return new OutboxRelayOptions(table, batchSize, pollInterval, publishTimeout, ackMode);
  }
}
