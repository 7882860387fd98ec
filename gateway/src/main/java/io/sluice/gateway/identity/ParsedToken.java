package io.sluice.gateway.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A compact JWS whose shape, algorithm and critical headers passed the checks that come before any
 * signature work. Nothing in it is trusted yet.
 */
record ParsedToken(String raw, SignedJWT jwt) {

  JWSHeader header() {
    return jwt.getHeader();
  }

  /** Size, shape and alphabet first, then the algorithm allow-list, then {@code crit}. */
  static ParsedToken parse(String token, int maxBytes, Set<JWSAlgorithm> allowed) {
    checkSize(token, maxBytes);
    String[] parts = split(token);
    checkAlgorithm(headerJson(parts[0]), allowed);
    if (parts[2].isEmpty()) {
      throw new AuthenticationException("malformed", "the token has no signature");
    }
    SignedJWT jwt = signedJwt(parts);
    Set<String> crit = jwt.getHeader().getCriticalParams();
    if (crit != null && !crit.isEmpty()) {
      throw new AuthenticationException(
          "unsupported-crit",
          "the token marks header parameters as critical that are not supported");
    }
    return new ParsedToken(token, jwt);
  }

  static void checkSize(String token, int maxBytes) {
    if (token.length() > maxBytes) {
      throw new AuthenticationException(
          "oversized", "the token is longer than the " + maxBytes + " bytes accepted");
    }
  }

  private static String[] split(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new AuthenticationException(
          "malformed", "the token must be three base64url parts separated by dots");
    }
    for (String part : parts) {
      if (!isBase64Url(part)) {
        throw new AuthenticationException("malformed", "the token holds invalid base64url");
      }
    }
    return parts;
  }

  private static boolean isBase64Url(String part) {
    if (part.length() % 4 == 1) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean ok =
          c >= 'A' && c <= 'Z'
              || c >= 'a' && c <= 'z'
              || c >= '0' && c <= '9'
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> headerJson(String part) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(part);
      return JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | ParseException e) {
      throw new AuthenticationException("malformed", "the token header is not a JSON object");
    }
  }

  private static void checkAlgorithm(Map<String, Object> header, Set<JWSAlgorithm> allowed) {
    if (!(header.get("alg") instanceof String alg)) {
      throw new AuthenticationException("malformed", "the token header names no algorithm");
    }
    if (!allowed.contains(JWSAlgorithm.parse(alg))) {
      String shown = alg.matches("[A-Za-z0-9]{1,16}") ? "'" + alg + "'" : "of the token";
      throw new AuthenticationException(
          "alg-not-allowed", "the algorithm " + shown + " is not allowed");
    }
  }

  private static SignedJWT signedJwt(String[] parts) {
    try {
      Base64.getUrlDecoder().decode(parts[1]);
      return new SignedJWT(
          new Base64URL(parts[0]), new Base64URL(parts[1]), new Base64URL(parts[2]));
    } catch (IllegalArgumentException | ParseException e) {
      throw new AuthenticationException("malformed", "the token header is not a valid JWS header");
    }
  }
}
