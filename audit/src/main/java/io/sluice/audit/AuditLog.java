package io.sluice.audit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit trail of one writer: {@link #append} returns at once and a single writer thread batches
 * entries into the store, each chained to the one before by SHA-256. See {@link OnStoreFailure} for
 * what happens when the store is unreachable.
 *
 * <pre>{@code
 * AuditLog audit = AuditLog.open(AuditConfig.builder().chain("gw-1").build());
 * AppendResult r = audit.append(AuditEntry.builder(identity, AuditAction.PUBLISH, "orders.eu")
 *     .allowed(202, "stream ORDERS seq 42").rule(rule, policyVersion).build());
 * if (!r.accepted()) { ... answer 503, publish nothing ... }
 * }</pre>
 */
public interface AuditLog extends AutoCloseable {

  /** Opens a log with the system clock and no mirror. */
  static AuditLog open(AuditConfig config) {
    return open(config, InstantSource.system(), record -> {});
  }

  /**
   * Opens a log. Migrates the store's schema when it is reachable; an unreachable store is not an
   * error here (see {@link #isAccepting()}).
   *
   * @param mirror called on the writer thread after each record is durably stored; exceptions it
   *     throws are logged and ignored
   */
  static AuditLog open(AuditConfig config, InstantSource clock, Consumer<AuditRecord> mirror) {
    return DefaultAuditLog.open(config, clock, mirror);
  }

  /**
   * Hands over an entry without waiting for the store. {@link AppendResult#REFUSED} means the log
   * could not take it (store unreachable or queue full in {@code refuse} mode, spool unwritable in
   * {@code spool} mode): the caller must not perform the audited action.
   */
  AppendResult append(AuditEntry entry);

  /**
   * Accepts a decision whose outcome is not known yet (a publish before the broker answers), or
   * refuses it exactly as {@link #append} would; empty means refused, and the caller must not
   * perform the audited action. An accepted decision keeps its room in the queue, so its {@link
   * HeldEntry#complete completion} cannot be refused; the log writes one record then, the outcome
   * entry, with the decision's time. A decision still held when the log closes (after waiting a few
   * seconds for it) is written on its own.
   */
  Optional<HeldEntry> hold(AuditEntry decision);

  /** Whether {@link #append} would currently accept an entry; for readiness checks. */
  boolean isAccepting();

  /** Lists records, newest first. */
  AuditPage query(AuditQuery query);

  /** Verifies every chain in the store. */
  VerifyReport verify();

  /** Verifies one chain. */
  VerifyReport verify(String chain);

  /**
   * Deletes this writer's records older than {@code maxAge} and appends a retention record that
   * carries the last deleted record's hash, so the chain still verifies across the cut.
   */
  RetentionResult retain(Duration maxAge);

  AuditStats stats();

  /** This writer's chain id. */
  String chain();

  /** Stops accepting, writes (or spools) what was accepted, and closes the store. */
  @Override
  void close();
}
