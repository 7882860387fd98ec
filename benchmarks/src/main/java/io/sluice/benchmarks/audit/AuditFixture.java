package io.sluice.benchmarks.audit;

import io.sluice.audit.AuditAction;
import io.sluice.audit.AuditEntry;
import io.sluice.audit.AuditIdentity;

/**
 * Entries shaped like the ones a governed publish produces: a JWT caller, a policy rule, an event
 * id, remote address, correlation and trace ids, and a receipt on every other entry (the decision
 * record has none, the outcome record names where the event landed). Built per call, as the gateway
 * does.
 */
final class AuditFixture {
  static final int BATCH = 1_000;
  private static final AuditIdentity CALLER =
      AuditIdentity.of("jwt", "billing-service", "https://issuer.example.com");

  private AuditFixture() {}

  /** Decision and outcome shapes in turn, as two records per publish used to be. */
  static AuditEntry entry(long n) {
    return (n & 1) == 0 ? decision(n) : outcome(n);
  }

  /** The allow decision before the publish: status 0, no receipt. */
  static AuditEntry decision(long n) {
    return publish(n).allowed(0, null).build();
  }

  /** The outcome: 202 and where the event landed. */
  static AuditEntry outcome(long n) {
    return publish(n).allowed(202, "stream DURABLE seq " + n).build();
  }

  private static AuditEntry.Builder publish(long n) {
    return AuditEntry.builder(CALLER, AuditAction.PUBLISH, "orders.eu.created")
        .rule("role/writer/allow[0]", "policy-3f2a9c")
        .eventId("evt-" + n)
        .remoteAddress("127.0.0.1")
        .correlationId("c0a80101-" + n)
        .traceId("4bf92f3577b34da6a3ce929d0e0e4736");
  }
}
