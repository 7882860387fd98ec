package io.sluice.gateway.proxy;

import io.sluice.gateway.identity.Identity;
import io.vertx.core.MultiMap;
import java.util.List;

/**
 * The headers that tell an upstream who called. Every incoming header that could claim an identity
 * ({@code Sluice-*}, {@code X-Forwarded-User}-style, {@code X-Auth-*}, {@code X-Remote-User}) is
 * removed first, so only the gateway's verified values reach the upstream.
 */
final class IdentityHeaders {
  static final String ID = "Sluice-Identity-Id";
  static final String TYPE = "Sluice-Identity-Type";
  static final String ISSUER = "Sluice-Identity-Issuer";
  static final String REQUEST_ID = "Sluice-Request-Id";
  static final String ASSERTION = "Sluice-Assertion";

  private static final List<String> FORGEABLE_PREFIXES =
      List.of("sluice-", "x-forwarded-user", "x-forwarded-email", "x-forwarded-groups", "x-auth-");
  private static final List<String> FORGEABLE = List.of("x-remote-user", "x-user", "remote-user");

  private IdentityHeaders() {}

  /** Sets the verified identity and the request id. */
  static void set(MultiMap headers, Identity identity, String requestId) {
    headers.set(ID, identity.id());
    headers.set(TYPE, identity.type());
    headers.set(ISSUER, identity.issuer());
    headers.set(REQUEST_ID, requestId);
  }

  /** Whether a caller could use a header of this name to pose as someone else. */
  static boolean forgeable(String name) {
    for (String exact : FORGEABLE) {
      if (exact.equalsIgnoreCase(name)) {
        return true;
      }
    }
    for (String prefix : FORGEABLE_PREFIXES) {
      if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return true;
      }
    }
    return false;
  }
}
