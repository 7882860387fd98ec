/**
 * The audit trail: who did what, to which subject, when, and was it allowed, with proof it was not
 * tampered with.
 *
 * <p>The gateway hands each decision to {@link io.sluice.audit.AuditLog#append} as an {@link
 * io.sluice.audit.AuditEntry}. A single writer thread per log batches entries into the store
 * (embedded H2 by default, PostgreSQL when configured) and turns each into an {@link
 * io.sluice.audit.AuditRecord}: the entry plus its writer's chain id, its position {@code seq} and
 * a SHA-256 hash over the {@link io.sluice.audit.AuditHash canonical encoding} of its fields and
 * the previous record's hash. Several writers (gateway replicas) keep separate chains in one store.
 * {@link io.sluice.audit.AuditLog#verify} walks each chain and names the first record that was
 * changed, deleted, inserted or reordered; retention deletes old records and appends a retention
 * record that carries the last deleted hash so the chain still verifies across the cut. When the
 * store is unreachable the log either refuses (fail closed) or spools to an fsynced local file and
 * replays it in order. Implementation classes are package-private.
 */
package io.sluice.audit;
