package io.sluice.gateway.push;

import io.sluice.audit.AuditAction;
import io.sluice.audit.AuditEntry;
import io.sluice.audit.AuditIdentity;
import io.sluice.broker.Delivery;
import io.sluice.gateway.audit.GatewayAudit;
import io.sluice.gateway.policy.Decision;

/**
 * The audit entries of push deliveries, recorded as {@code subscribe} by the subscription's owner:
 * a subject the owner may not subscribe to (denied, 403, with the deciding rule), each failed
 * attempt (allowed, with the endpoint's status or failure), and each dead-lettered event.
 */
final class PushAudit {
  private final GatewayAudit audit;

  PushAudit(GatewayAudit audit) {
    this.audit = audit;
  }

  void denied(PushSubscription s, Delivery d, Decision decision) {
    audit.append(
        entry(s, d)
            .denied(403, "push " + s.name() + ": the owner may not subscribe to this subject")
            .rule(decision.rule(), decision.policyVersion())
            .build());
  }

  void failed(PushSubscription s, Delivery d, AttemptResult result) {
    String error =
        "push "
            + s.name()
            + ": attempt "
            + d.deliveryCount()
            + " of "
            + s.maxAttempts()
            + " failed: "
            + result.describe();
    audit.append(entry(s, d).allowed(result.status(), null).error(error).build());
  }

  void deadLettered(PushSubscription s, Delivery d, AttemptResult last) {
    String error =
        "push "
            + s.name()
            + ": dead-lettered to "
            + s.deadLetter().value()
            + " after "
            + d.deliveryCount()
            + " attempts, last "
            + last.describe();
    audit.append(entry(s, d).allowed(last.status(), s.deadLetter().value()).error(error).build());
  }

  private static AuditEntry.Builder entry(PushSubscription s, Delivery d) {
    AuditIdentity who = AuditIdentity.of(s.owner().type(), s.owner().id(), s.owner().issuer());
    return AuditEntry.builder(who, AuditAction.SUBSCRIBE, d.subject().value())
        .eventId(d.event().id());
  }
}
