package io.sluice.audit;

import java.util.Objects;

/**
 * Who made the call, as far as audit needs to know: never a credential, only names of one.
 *
 * @param type how the caller proved itself: {@code jwt}, {@code apikey}, {@code mtls}, {@code dev},
 *     or {@code anonymous} when nothing was proved
 * @param id the principal (token subject, API key owner, certificate subject)
 * @param issuer the token issuer, or {@code sluice} for API keys and certificates
 * @param apiKeyId the id (never the secret) of the API key used, or null
 * @param certificateSubject the client certificate's subject DN, or null
 */
public record AuditIdentity(
    String type, String id, String issuer, String apiKeyId, String certificateSubject) {

  private static final AuditIdentity ANONYMOUS =
      new AuditIdentity("anonymous", "anonymous", "none", null, null);
  private static final AuditIdentity SYSTEM =
      new AuditIdentity("system", "sluice-audit", "sluice", null, null);

  public AuditIdentity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    id = SecretScrubber.scrub(id);
    apiKeyId = SecretScrubber.scrub(apiKeyId);
    certificateSubject = SecretScrubber.scrub(certificateSubject);
  }

  /** A caller known by type, principal and issuer (JWT and dev tokens). */
  public static AuditIdentity of(String type, String id, String issuer) {
    return new AuditIdentity(type, id, issuer, null, null);
  }

  /** A caller that presented the API key with this id. */
  public static AuditIdentity apiKey(String keyId, String principal) {
    return new AuditIdentity("apikey", principal, "sluice", keyId, null);
  }

  /** A caller that presented a client certificate with this subject. */
  public static AuditIdentity certificate(String principal, String certificateSubject) {
    return new AuditIdentity("mtls", principal, "sluice", null, certificateSubject);
  }

  /** A caller that proved nothing (the request was answered 401). */
  public static AuditIdentity anonymous() {
    return ANONYMOUS;
  }

  /** The audit log itself, author of retention records. */
  public static AuditIdentity system() {
    return SYSTEM;
  }
}
