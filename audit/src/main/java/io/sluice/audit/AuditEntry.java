package io.sluice.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One decision to audit, as the gateway hands it over. The log adds the chain position and hashes
 * when it writes it down, turning it into an {@link AuditRecord}.
 *
 * <p>There is deliberately no field for headers, claims, tokens or keys. The {@link #builder
 * builder} scrubs free-text fields (error, receipt, rule, ids) of anything shaped like a bearer
 * token or JWT; the canonical constructor keeps values as given, which is how stored and spooled
 * records are read back exactly. Times are kept to the microsecond, the precision every supported
 * store keeps.
 *
 * @param time when the decision was made; null lets the log stamp it at {@code append}
 * @param status the HTTP status answered (0 when there was no HTTP answer)
 * @param receipt where an allowed event landed (stream and sequence), or null
 * @param error why the call failed or was denied, or null
 * @param rule the policy rule that decided, e.g. {@code role/allow[2]} or {@code default-deny}
 */
public record AuditEntry(
    Instant time,
    AuditIdentity identity,
    AuditAction action,
    String subject,
    String eventId,
    String idempotencyKey,
    AuditOutcome outcome,
    int status,
    String receipt,
    String error,
    String rule,
    String policyVersion,
    String remoteAddress,
    String correlationId,
    String traceId) {

  public AuditEntry {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    if (status < 0 || status > 999) {
      throw new IllegalArgumentException("status must be 0..999 but was " + status);
    }
    time = time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
  }

  /** Starts an entry for this caller, action and subject (the subject may be null). */
  public static Builder builder(AuditIdentity identity, AuditAction action, String subject) {
    return new Builder(identity, action, subject);
  }

  /** This entry stamped with a time, unless it already has one: a copy, scrubbed already. */
  AuditEntry stampedAt(Instant now) {
    if (time != null) {
      return this;
    }
    return new AuditEntry(
        now,
        identity,
        action,
        subject,
        eventId,
        idempotencyKey,
        outcome,
        status,
        receipt,
        error,
        rule,
        policyVersion,
        remoteAddress,
        correlationId,
        traceId);
  }

  /** Builds an {@link AuditEntry}; {@link #allowed} or {@link #denied} must be called. */
  public static final class Builder {
    private final AuditIdentity identity;
    private final AuditAction action;
    private final String subject;
    private Instant time;
    private String eventId;
    private String idempotencyKey;
    private AuditOutcome outcome;
    private int status;
    private String receipt;
    private String error;
    private String rule;
    private String policyVersion;
    private String remoteAddress;
    private String correlationId;
    private String traceId;

    private Builder(AuditIdentity identity, AuditAction action, String subject) {
      this.identity = identity;
      this.action = action;
      this.subject = subject;
    }

    /** The call went through and was answered with this status and receipt (may be null). */
    public Builder allowed(int status, String receipt) {
      this.outcome = AuditOutcome.ALLOWED;
      this.status = status;
      this.receipt = receipt;
      return this;
    }

    /** The call was refused or failed, answered with this status and error. */
    public Builder denied(int status, String error) {
      this.outcome = AuditOutcome.DENIED;
      this.status = status;
      this.error = error;
      return this;
    }

    /** An error on an allowed call (for example the broker was unavailable). */
    public Builder error(String error) {
      this.error = error;
      return this;
    }

    public Builder rule(String rule, String policyVersion) {
      this.rule = rule;
      this.policyVersion = policyVersion;
      return this;
    }

    public Builder eventId(String eventId) {
      this.eventId = eventId;
      return this;
    }

    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    public Builder remoteAddress(String remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    public Builder correlationId(String correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    public Builder traceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    public AuditEntry build() {
      if (outcome == null) {
        throw new IllegalStateException("call allowed(...) or denied(...) before build()");
      }
      return new AuditEntry(
          time,
          identity,
          action,
          SecretScrubber.scrub(subject),
          SecretScrubber.scrub(eventId),
          SecretScrubber.scrub(idempotencyKey),
          outcome,
          status,
          SecretScrubber.scrub(receipt),
          SecretScrubber.scrub(error),
          SecretScrubber.scrub(rule),
          policyVersion,
          remoteAddress,
          correlationId,
          traceId);
    }
  }
}
