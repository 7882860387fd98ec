/**
 * The embedded durable broker, opened with {@code embedded:<directory>}: the zero-setup default.
 *
 * <p>One process owns a data directory (an OS file lock on {@code sluice.lock}). Events live in one
 * append-only log, a map from sequence to a compact binary record in an H2 MVStore file; retention
 * trims the oldest by age, count or size. A {@code DURABLE} publish is confirmed only after the
 * MVStore commit that holds it has been written and synced ({@link
 * io.sluice.embedded.FsyncPolicy}); concurrent writes share one commit (group commit). Idempotency
 * keys are remembered in the same store for a window. A consumer group reads the log through a
 * window of unsettled events, shares them among its members with per-key ordering, ack-wait
 * redelivery, delayed nacks and a delivery limit, and stores its ack floor and the sequences
 * settled above it, so a restart resumes where the last durable ack left off. Private subscriptions
 * keep the same state in memory. Request-reply runs inside the process and is never stored.
 */
package io.sluice.embedded;
