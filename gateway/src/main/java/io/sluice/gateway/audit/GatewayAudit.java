package io.sluice.gateway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.audit.AppendResult;
import io.sluice.audit.AuditEntry;
import io.sluice.audit.AuditLog;
import io.sluice.audit.AuditPage;
import io.sluice.audit.AuditQuery;
import io.sluice.audit.AuditRecord;
import io.sluice.audit.HeldEntry;
import io.sluice.audit.VerifyReport;
import io.sluice.broker.Broker;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The gateway's audit log: appends decisions, answers queries and verification, and reports its
 * state to readiness and metrics. Create with {@link #open}; close after the HTTP server and before
 * the broker, so the last records (and their mirror copies) are written.
 */
public final class GatewayAudit implements AutoCloseable {
  private final AuditLog log;

  private GatewayAudit(AuditLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Opens the configured store, wires the mirror (if any) and registers the audit meters. */
  public static GatewayAudit open(
      GatewayAuditConfig config, Broker broker, MeterRegistry registry, InstantSource clock) {
    Consumer<AuditRecord> mirror =
        config
            .mirrorSubject()
            .<Consumer<AuditRecord>>map(s -> new AuditMirror(broker, s))
            .orElse(record -> {});
    GatewayAudit audit = new GatewayAudit(AuditLog.open(config.log(), clock, mirror));
    AuditMetrics.bind(audit.log, registry);
    return audit;
  }

  /** Wraps an already open log (for embedding and tests); no mirror, no meters. */
  public static GatewayAudit of(AuditLog log) {
    return new GatewayAudit(log);
  }

  /** Hands an entry to the log; false means refused: the caller must not act. */
  public boolean append(AuditEntry entry) {
    AppendResult result = log.append(entry);
    return result.accepted();
  }

  /**
   * Has the log accept a decision and keep room for its outcome (see {@link AuditLog#hold}); empty
   * means refused: the caller must not act.
   */
  public Optional<HeldEntry> hold(AuditEntry decision) {
    return log.hold(decision);
  }

  /** Whether entries are currently accepted; the gateway is not ready while this is false. */
  public boolean isAccepting() {
    return log.isAccepting();
  }

  public AuditPage query(AuditQuery query) {
    return log.query(query);
  }

  public VerifyReport verify() {
    return log.verify();
  }

  public VerifyReport verify(String chain) {
    return log.verify(chain);
  }

  /** This gateway's chain id. */
  public String chain() {
    return log.chain();
  }

  @Override
  public void close() {
    log.close();
  }
}
