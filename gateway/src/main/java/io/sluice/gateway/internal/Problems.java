package io.sluice.gateway.internal;

import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.PublishRejectedException;
import io.sluice.envelope.InvalidEventException;
import io.sluice.envelope.Violation;
import io.sluice.gateway.identity.AuthenticationException;
import io.sluice.gateway.policy.Decision;
import io.sluice.subject.InvalidSubjectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** The gateway's problem types, one factory per slug; docs/gateway.md lists them all. */
final class Problems {
  private Problems() {}

  static ProblemException fail(Problem problem) {
    return new ProblemException(problem);
  }

  static Problem malformed(String detail) {
    return Problem.of(400, "malformed-request", "Malformed request", detail);
  }

  static Problem invalidEvent(List<Violation> violations) {
    return Problem.of(400, "invalid-event", "Invalid CloudEvent", describe(violations))
        .withViolations(violations);
  }

  static Problem invalidSubject(InvalidSubjectException e) {
    return Problem.of(400, "invalid-subject", "Invalid subject", e.getMessage())
        .withViolations(List.of(new Violation("subject", e.rule(), e.getMessage())));
  }

  static Problem invalidParameter(String name, String detail) {
    return Problem.of(400, "invalid-parameter", "Invalid parameter", detail)
        .withViolations(List.of(new Violation(name, "allowed-values", detail)));
  }

  static Problem missingCredentials() {
    return Problem.of(
            401,
            "unauthenticated",
            "Authentication required",
            "send a bearer token in the Authorization header or an API key in X-API-Key")
        .withHeader("WWW-Authenticate", "Bearer realm=\"sluice\"");
  }

  static Problem badCredentials(AuthenticationException e) {
    String description = e.getMessage().replace('"', '\'');
    return Problem.of(401, "unauthenticated", "Authentication failed", e.getMessage())
        .withExtra("rule", e.rule())
        .withHeader(
            "WWW-Authenticate",
            "Bearer realm=\"sluice\", error=\"invalid_token\", error_description=\""
                + description
                + "\"");
  }

  static Problem forbidden(String action, String subject, Decision decision) {
    return Problem.of(
            403,
            "forbidden",
            "Not allowed",
            action + " on '" + subject + "' is not allowed: " + decision.reason())
        .withExtra("rule", decision.rule())
        .withExtra("policyVersion", decision.policyVersion());
  }

  static Problem payloadTooLarge(String detail) {
    return Problem.of(413, "payload-too-large", "Payload too large", detail);
  }

  static Problem unsupportedMediaType(String detail) {
    return Problem.of(415, "unsupported-media-type", "Unsupported media type", detail);
  }

  static Problem idempotencyInProgress() {
    return Problem.of(
            409,
            "idempotency-in-progress",
            "Request with this Idempotency-Key in progress",
            "a request with the same Idempotency-Key is still being processed; retry later")
        .withHeader("Retry-After", "1");
  }

  static Problem idempotencyMismatch() {
    return Problem.of(
        422,
        "idempotency-key-reused",
        "Idempotency-Key reused",
        "this Idempotency-Key was already used with a different request body or subject");
  }

  static Problem rateLimited(long retryAfterSeconds) {
    return Problem.of(
            429,
            "rate-limited",
            "Too many requests",
            "the rate limit for this identity is exhausted; retry after "
                + retryAfterSeconds
                + " s")
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  static Problem headersTooLarge(int limit) {
    return Problem.of(
        431,
        "headers-too-large",
        "Request header fields too large",
        "request headers exceed limits.maxHeaderBytes (" + limit + " bytes)");
  }

  static Problem overloaded() {
    return Problem.of(
            503,
            "overloaded",
            "Too many publishes in flight",
            "the gateway is at limits.maxInFlight publishes; retry shortly")
        .withHeader("Retry-After", "1");
  }

  static Problem brokerUnavailable(String detail) {
    return Problem.of(503, "broker-unavailable", "Broker unavailable", detail)
        .withHeader("Retry-After", "1");
  }

  /** The audit log refused the decision record: nothing was done (fail closed). */
  static Problem auditUnavailable() {
    return Problem.of(
            503,
            AuditRecorder.REFUSED_SLUG,
            "Audit trail unavailable",
            "the decision could not be recorded in the audit trail, so nothing was done; retry"
                + " later")
        .withHeader("Retry-After", "1");
  }

  static Problem notFound(String path) {
    return Problem.of(404, "not-found", "Not found", "no endpoint at " + path);
  }

  static Problem methodNotAllowed(String method, String path) {
    return Problem.of(
        405, "method-not-allowed", "Method not allowed", method + " is not allowed on " + path);
  }

  static Problem internal() {
    return Problem.of(
        500,
        "internal-error",
        "Internal error",
        "the gateway failed unexpectedly; the request id identifies the log entry");
  }

  static Problem fromFailure(Throwable t) {
    return switch (t) {
      case InvalidEventException e -> invalidEvent(e.violations());
      case InvalidSubjectException e -> invalidSubject(e);
      case AuthenticationException e -> badCredentials(e);
      case BrokerUnavailableException e -> brokerUnavailable(e.getMessage());
      case BrokerClosedException e -> brokerUnavailable("the broker connection is closing");
      case PublishRejectedException e ->
          Problem.of(502, "publish-rejected", "Broker rejected the event", e.reason());
      case TimeoutException e ->
          Problem.of(
              504,
              "publish-timeout",
              "Broker did not confirm in time",
              "the broker did not confirm the publish within limits.publishTimeout; the event may"
                  + " or may not have been stored, retry with the same Idempotency-Key");
      default -> internal();
    };
  }

  private static String describe(List<Violation> violations) {
    return violations.stream()
        .map(v -> v.attribute() + ": " + v.message())
        .reduce((a, b) -> a + "; " + b)
        .orElse("the event is invalid");
  }
}
