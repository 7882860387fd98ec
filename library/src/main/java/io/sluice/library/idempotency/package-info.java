/**
 * Processed-key stores for idempotent consumers. A key (the event's {@code idempotencykey}, else
 * its source and id) is marked after the handler succeeds and remembered for a retention window; an
 * event whose key is already marked is acknowledged without running the handler. Stores keep keys
 * in memory, in a JDBC table (PostgreSQL or H2) or in Redis.
 */
package io.sluice.library.idempotency;
