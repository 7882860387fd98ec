package io.sluice.audit;

import io.sluice.subject.SubjectPattern;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Which records to list, newest first. Every filter is optional; {@code from} is inclusive, {@code
 * to} exclusive. Page on with {@link AuditPage#nextCursor()}.
 */
public record AuditQuery(
    Optional<String> identityId,
    Optional<AuditAction> action,
    Optional<SubjectPattern> subject,
    Optional<AuditOutcome> outcome,
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> chain,
    int limit,
    Optional<String> cursor) {

  /** The most records one page may hold. */
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
    }
  }

  /** Everything, newest first, 100 per page. */
  public static AuditQuery all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A query from HTTP parameters: {@code identity}, {@code action} ({@code publish}, {@code
   * batch-item}, ...), {@code subject} (a pattern), {@code outcome} ({@code allowed}/{@code
   * denied}), {@code from} and {@code to} (ISO-8601 instants), {@code chain}, {@code limit}, {@code
   * cursor}.
   *
   * @throws IllegalArgumentException naming the parameter and value that are wrong
   */
  public static AuditQuery fromParams(Map<String, String> params) {
    return AuditQueryParams.parse(params);
  }

  /** The same query for the page after the one that returned {@code cursor}. */
  public AuditQuery after(String nextCursor) {
    return new AuditQuery(
        identityId, action, subject, outcome, from, to, chain, limit, Optional.of(nextCursor));
  }

  /** Builds an {@link AuditQuery}. */
  public static final class Builder {
    private String identityId;
    private AuditAction action;
    private SubjectPattern subject;
    private AuditOutcome outcome;
    private Instant from;
    private Instant to;
    private String chain;
    private int limit = 100;
    private String cursor;

    private Builder() {}

    public Builder identityId(String identityId) {
      this.identityId = identityId;
      return this;
    }

    public Builder action(AuditAction action) {
      this.action = action;
      return this;
    }

    /** Records whose subject the pattern matches ({@code *} and {@code >} as in NATS). */
    public Builder subject(String pattern) {
      this.subject = SubjectPattern.of(pattern);
      return this;
    }

    public Builder outcome(AuditOutcome outcome) {
      this.outcome = outcome;
      return this;
    }

    /** Records at or after {@code from} and before {@code to}; either may be null. */
    public Builder between(Instant from, Instant to) {
      this.from = from;
      this.to = to;
      return this;
    }

    /** Records at or after this instant. */
    public Builder from(Instant from) {
      this.from = from;
      return this;
    }

    /** Records before this instant. */
    public Builder to(Instant to) {
      this.to = to;
      return this;
    }

    public Builder chain(String chain) {
      this.chain = chain;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public AuditQuery build() {
      return new AuditQuery(
          Optional.ofNullable(identityId),
          Optional.ofNullable(action),
          Optional.ofNullable(subject),
          Optional.ofNullable(outcome),
          Optional.ofNullable(from),
          Optional.ofNullable(to),
          Optional.ofNullable(chain),
          limit,
          Optional.ofNullable(cursor));
    }
  }
}
