package io.sluice.gateway.internal;

import io.sluice.audit.AuditAction;
import io.sluice.audit.HeldEntry;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Decision;

/** What one audited call is about, filled in as its pipeline learns it. */
final class AuditedCall {
  final AuditAction action;
  String subject;
  Identity identity;
  Decision decision;
  String eventId;
  String idempotencyKey;

  /** Set once the allow decision is on record, so the outcome is an allowed call's outcome. */
  boolean allowRecorded;

  /** The allow decision the log holds until the outcome completes it; null when there is none. */
  HeldEntry held;

  AuditedCall(AuditAction action, String subject) {
    this.action = action;
    this.subject = subject;
  }
}
