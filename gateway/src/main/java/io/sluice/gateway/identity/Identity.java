package io.sluice.gateway.identity;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A verified caller.
 *
 * @param type how the caller proved who it is: {@code jwt}, {@code apikey}, {@code mtls} or {@code
 *     dev}; stamped into events as {@code authtype}-compatible values by {@link #authType()}
 * @param id the principal: the token's {@code sub}, the API key's id, the certificate subject
 * @param issuer the token issuer, or {@code sluice} for API keys and certificates
 * @param claims verified claims (JWT claims; for API keys and certificates the configured
 *     attributes); never secrets
 * @param groups group names from the configured groups claim, API key or certificate mapping
 * @param expiresAtEpochSecond when the credential stops being valid, or {@link Long#MAX_VALUE}
 */
public record Identity(
    String type,
    String id,
    String issuer,
    Map<String, Object> claims,
    Set<String> groups,
    long expiresAtEpochSecond) {

  public Identity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    claims = Map.copyOf(claims);
    groups = Set.copyOf(groups);
  }

  /**
   * The CloudEvents auth-context {@code authtype}: {@code app_user} for tokens, {@code
   * service_account} for API keys and certificates.
   */
  public String authType() {
    return type.equals("jwt") || type.equals("dev") ? "app_user" : "service_account";
  }
}
