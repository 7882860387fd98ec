package io.sluice.gateway.internal;

import io.opentelemetry.api.trace.SpanContext;
import io.sluice.audit.AuditEntry;
import io.sluice.audit.AuditIdentity;
import io.sluice.audit.HeldEntry;
import io.sluice.gateway.identity.Credentials;
import io.sluice.gateway.identity.Identity;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Turns what a pipeline knows about a call into audit entries. {@link #allow} comes before the
 * action and fails closed (503, nothing done) when the log refuses; {@link #outcome} comes after
 * and records the receipt or the problem the caller was answered with. {@link #hold} is {@link
 * #allow} for calls that always report an outcome (publish, batch items): the log accepts the
 * decision before the action, keeps room for it, and writes one record when the outcome completes
 * it. Entries name credentials (type, key id, certificate subject), never carry them.
 */
final class AuditRecorder {
  static final String REFUSED_SLUG = "audit-unavailable";

  private final Services services;

  AuditRecorder(Services services) {
    this.services = services;
  }

  /** Records the allow decision; throws a 503 problem when the audit log refuses it. */
  void allow(RoutingContext ctx, AuditedCall call, int status) {
    AuditEntry entry = entry(ctx, call).allowed(status, null).build();
    require(entry);
    call.allowRecorded = true;
  }

  /**
   * Has the log accept the allow decision and keep room for the outcome, which {@link #succeeded}
   * or {@link #outcome} must then report; throws a 503 problem when the log refuses it.
   */
  void hold(RoutingContext ctx, AuditedCall call) {
    AuditEntry decision = entry(ctx, call).allowed(0, null).build();
    call.held = services.audit().hold(decision).orElseThrow(this::refused);
    call.allowRecorded = true;
  }

  /** Records a successful outcome with its receipt; a refusal here is counted by the log. */
  void succeeded(RoutingContext ctx, AuditedCall call, int status, String receipt) {
    record(call, entry(ctx, call).allowed(status, receipt).build());
  }

  /** Records how an allowed call ended: its status, a receipt, and an error if it failed. */
  void finished(RoutingContext ctx, AuditedCall call, int status, String receipt, String error) {
    AuditEntry.Builder b = entry(ctx, call).allowed(status, receipt);
    record(call, (error == null ? b : b.error(error)).build());
  }

  /** Records the problem a call was answered with, unless it was the audit refusal itself. */
  void outcome(RoutingContext ctx, AuditedCall call, Problem problem) {
    if (call.held == null && problem.slug().equals(REFUSED_SLUG)) {
      return;
    }
    String error =
        problem.slug() + ": " + (problem.status() == 401 ? problem.title() : problem.detail());
    AuditEntry.Builder b = entry(ctx, call);
    if (call.allowRecorded) {
      b.allowed(problem.status(), null).error(error);
    } else {
      b.denied(problem.status(), error);
      rule(problem).ifPresent(r -> b.rule(r, policyVersion(problem)));
    }
    record(call, b.build());
  }

  /** Completes the held decision with this outcome, or appends it as a record of its own. */
  private void record(AuditedCall call, AuditEntry entry) {
    if (call.held == null) {
      services.audit().append(entry);
      return;
    }
    HeldEntry held = call.held;
    call.held = null;
    held.complete(entry);
  }

  private void require(AuditEntry entry) {
    if (!services.audit().append(entry)) {
      throw refused();
    }
  }

  private RuntimeException refused() {
    services.metrics().denied("audit", "refused");
    return Problems.fail(Problems.auditUnavailable());
  }

  private AuditEntry.Builder entry(RoutingContext ctx, AuditedCall call) {
    AuditEntry.Builder b =
        AuditEntry.builder(identity(ctx, call.identity), call.action, call.subject)
            .eventId(call.eventId)
            .idempotencyKey(call.idempotencyKey);
    if (call.decision != null) {
      b.rule(call.decision.rule(), call.decision.policyVersion());
    }
    return ctx == null ? b : where(ctx, b);
  }

  private static AuditEntry.Builder where(RoutingContext ctx, AuditEntry.Builder b) {
    RequestState state = RequestState.of(ctx);
    SocketAddress remote = ctx.request().remoteAddress();
    SpanContext span = state.span().getSpanContext();
    return b.remoteAddress(remote == null ? null : remote.hostAddress())
        .correlationId(state.correlationId())
        .traceId(span.isValid() ? span.getTraceId() : null);
  }

  /** Who the caller is; for a call that proved nothing, the kind of credential it tried. */
  static AuditIdentity identity(RoutingContext ctx, Identity who) {
    if (who != null) {
      return switch (who.type()) {
        case "apikey" -> AuditIdentity.apiKey(who.id(), who.id());
        case "mtls" -> AuditIdentity.certificate(who.id(), who.id());
        default -> AuditIdentity.of(who.type(), who.id(), who.issuer());
      };
    }
    return ctx == null ? AuditIdentity.anonymous() : attempted(Guards.credentials(ctx.request()));
  }

  private static AuditIdentity attempted(Credentials c) {
    String type =
        c.authorization().isPresent()
            ? "jwt"
            : c.apiKey().isPresent()
                ? "apikey"
                : !c.clientCertificates().isEmpty() ? "mtls" : "anonymous";
    return new AuditIdentity(type, "anonymous", "none", null, null);
  }

  private static Optional<String> rule(Problem problem) {
    Object rule = problem.extras().get("rule");
    if (rule != null) {
      return Optional.of((problem.status() == 401 ? "authenticate/" : "") + rule);
    }
    return problem.status() == 401
        ? Optional.of("authenticate/missing-credentials")
        : Optional.empty();
  }

  private static String policyVersion(Problem problem) {
    Object v = problem.extras().get("policyVersion");
    return v == null ? null : v.toString();
  }
}
