package io.sluice.library;

import io.sluice.broker.AckMode;
import java.util.Objects;

/**
 * Per-publish settings. Absent values are null; {@link #defaults()} publishes durably with none of
 * the optional keys.
 *
 * @param correlationId carried in {@code correlationid}; links the events of one business flow
 * @param idempotencyKey carried in {@code idempotencykey}; repeats are suppressed by the broker or
 *     by consumers' processed-key stores
 * @param partitionKey carried in {@code partitionkey}; orders events per key
 * @param ackMode how much confirmation the publish waits for
 */
public record PublishOptions(
    String correlationId, String idempotencyKey, String partitionKey, AckMode ackMode) {

  public PublishOptions {
    Objects.requireNonNull(ackMode, "ackMode");
    requireNotBlank("correlationId", correlationId);
    requireNotBlank("idempotencyKey", idempotencyKey);
    requireNotBlank("partitionKey", partitionKey);
  }

  public static PublishOptions defaults() {
    return new PublishOptions(null, null, null, AckMode.DURABLE);
  }

  public PublishOptions withCorrelationId(String correlationId) {
    return new PublishOptions(correlationId, idempotencyKey, partitionKey, ackMode);
  }

  public PublishOptions withIdempotencyKey(String idempotencyKey) {
    return new PublishOptions(correlationId, idempotencyKey, partitionKey, ackMode);
  }

  public PublishOptions withPartitionKey(String partitionKey) {
    return new PublishOptions(correlationId, idempotencyKey, partitionKey, ackMode);
  }

  public PublishOptions withAckMode(AckMode ackMode) {
    return new PublishOptions(correlationId, idempotencyKey, partitionKey, ackMode);
  }

  private static void requireNotBlank(String field, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank but was '" + value + "'");
    }
  }
}
