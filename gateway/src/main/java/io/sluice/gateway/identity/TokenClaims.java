package io.sluice.gateway.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registered-claim checks of a verified token, and its mapping to an {@link Identity}. */
final class TokenClaims {
  private TokenClaims() {}

  static void check(JWTClaimsSet claims, JwtSettings settings, long now) {
    long skew = settings.clockSkew().toSeconds();
    if (!settings.issuer().equals(claims.getIssuer())) {
      throw new AuthenticationException(
          "wrong-issuer", "the token was not issued by the configured issuer");
    }
    List<String> audience = claims.getAudience();
    if (audience == null || settings.audiences().stream().noneMatch(audience::contains)) {
      throw new AuthenticationException(
          "wrong-audience", "the token is not meant for this gateway (audience)");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new AuthenticationException("missing-claim", "the token has no exp claim");
    }
    if (now - skew >= exp.toInstant().getEpochSecond()) {
      throw new AuthenticationException("expired", "the token has expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now + skew < nbf.toInstant().getEpochSecond()) {
      throw new AuthenticationException("not-yet-valid", "the token is not valid yet (nbf)");
    }
    if (claims.getSubject() == null || claims.getSubject().isBlank()) {
      throw new AuthenticationException("missing-claim", "the token has no sub claim");
    }
  }

  static Identity identity(JWTClaimsSet claims, String groupsClaim, String type) {
    Map<String, Object> values = new HashMap<>(claims.toJSONObject());
    values.values().removeIf(v -> v == null);
    return new Identity(
        type,
        claims.getSubject(),
        claims.getIssuer(),
        values,
        groups(values, groupsClaim),
        claims.getExpirationTime().toInstant().getEpochSecond());
  }

  /** Reads the groups claim, following a dotted path into nested objects. */
  static Set<String> groups(Map<String, Object> claims, String path) {
    Object value = claims;
    for (String step : path.split("\\.")) {
      value = value instanceof Map<?, ?> m ? m.get(step) : null;
    }
    if (value instanceof String s) {
      return Set.of(s);
    }
    Set<String> groups = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(groups::add);
    }
    return groups;
  }
}
