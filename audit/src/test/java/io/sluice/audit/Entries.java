package io.sluice.audit;

/** Audit entries for tests. */
final class Entries {
  private Entries() {}

  static AuditEntry published(String principal, String subject, String eventId) {
    return AuditEntry.builder(
            AuditIdentity.of("jwt", principal, "https://issuer.test"), AuditAction.PUBLISH, subject)
        .allowed(202, "stream ORDERS seq 1")
        .rule("role/writer/allow[0]: publish orders.>", "v1")
        .eventId(eventId)
        .remoteAddress("127.0.0.1")
        .correlationId("corr-" + eventId)
        .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
        .build();
  }

  static AuditEntry denied(String principal, String subject) {
    return AuditEntry.builder(
            AuditIdentity.of("jwt", principal, "https://issuer.test"), AuditAction.PUBLISH, subject)
        .denied(403, "no rule allows publish on " + subject)
        .rule("default-deny", "v1")
        .remoteAddress("127.0.0.1")
        .build();
  }
}
