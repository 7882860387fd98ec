/**
 * The transactional outbox. {@link io.sluice.library.outbox.Outbox#append} inserts an event in the
 * caller's JDBC transaction, beside the domain change it announces; an {@link
 * io.sluice.library.outbox.OutboxRelay} claims unsent rows in order ({@code FOR UPDATE SKIP
 * LOCKED}), publishes them and marks them sent in one transaction. Delivery is at least once; the
 * event's {@code idempotencykey} lets brokers and consumers drop the repeats a crash can cause.
 */
package io.sluice.library.outbox;
