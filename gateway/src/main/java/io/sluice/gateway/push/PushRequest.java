package io.sluice.gateway.push;

import io.sluice.gateway.identity.Identity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the body of {@code POST /v1/push-subscriptions}: the keys of a configured subscription,
 * except that {@code secret} is the secret itself (at least {@value Secret#MIN_BYTES} bytes) and
 * the owner is the caller.
 */
public final class PushRequest {
  private static final List<String> TOKEN_CLAIMS = List.of("exp", "iat", "nbf", "jti");

  private PushRequest() {}

  /** The subscription, or empty with every problem added to {@code problems}. */
  public static Optional<PushSubscription> read(
      Map<String, Object> body, Identity caller, List<String> problems) {
    PushSpecReader reader = new PushSpecReader(problems);
    reader.unknownKeys("", body, PushSpecReader.COMMON_KEYS);
    Optional<Secret> secret = secret(body.get("secret"), problems);
    return reader.read("", body, secret, owner(caller), PushSubscription.Origin.API);
  }

  /** The caller as a lasting owner: without the token's own claims (expiry, id, issue time). */
  private static Identity owner(Identity caller) {
    Map<String, Object> claims = new java.util.LinkedHashMap<>(caller.claims());
    TOKEN_CLAIMS.forEach(claims::remove);
    return new Identity(
        caller.type(), caller.id(), caller.issuer(), claims, caller.groups(), Long.MAX_VALUE);
  }

  private static Optional<Secret> secret(Object value, List<String> problems) {
    if (!(value instanceof String text)) {
      problems.add("secret: required, a string of at least " + Secret.MIN_BYTES + " bytes");
      return Optional.empty();
    }
    try {
      return Optional.of(Secret.of(text));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return Optional.empty();
    }
  }
}
