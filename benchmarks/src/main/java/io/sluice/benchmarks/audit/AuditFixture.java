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

  static AuditEntry entry(long n) {
    AuditEntry.Builder b =
        AuditEntry.builder(CALLER, AuditAction.PUBLISH, "orders.eu.created")
            .rule("role/writer/allow[0]", "policy-3f2a9c")
            .eventId("evt-" + n)
            .remoteAddress("127.0.0.1")
            .correlationId("c0a80101-" + n)
            .traceId("4bf92f3577b34da6a3ce929d0e0e4736");
    return (n & 1) == 0
        ? b.allowed(0, null).build()
        : b.allowed(202, "stream DURABLE seq " + n).build();
  }
}
