package io.sluice.envelope;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules for extension attributes: names of lower-case letters and digits that do not shadow a
 * context attribute or {@code data}, values of String, Boolean or Integer, and the formats of the
 * extensions Sluice knows (trace context, event version, auth context).
 */
final class ExtensionRules {
  private static final int TRACEPARENT_LENGTH = 55;

  /** Kinds of principal the CloudEvents auth-context extension defines. */
  static final Set<String> AUTH_TYPES =
      Set.of(
          "app_user", "user", "service_account", "api_key", "system", "unauthenticated", "unknown");

  private static final Set<String> DATA_MEMBERS = Set.of(Attributes.DATA, Attributes.DATA_BASE64);

  private ExtensionRules() {}

  static void check(Map<String, Object> extensions, List<Violation> out) {
    extensions.forEach((name, value) -> check(name, value, out));
  }

  static void check(String name, Object value, List<Violation> out) {
    if (!checkName(name, out)) {
      return;
    }
    if (!(value instanceof String || value instanceof Boolean || value instanceof Integer)) {
      out.add(
          new Violation(
              name,
              "extension-type",
              "must be a string, boolean or integer but was " + value.getClass().getSimpleName()));
      return;
    }
    if (value instanceof String s && !EventValidation.checkCharacters(name, s, out)) {
      return;
    }
    checkKnown(name, value, out);
  }

  private static boolean checkName(String name, List<Violation> out) {
    if (name != null && (Attributes.CONTEXT.contains(name) || DATA_MEMBERS.contains(name))) {
      out.add(
          new Violation(
              name,
              "reserved-name",
              "is a context attribute or data member and cannot be an extension"));
      return false;
    }
    if (name == null || !validName(name)) {
      out.add(
          new Violation(
              String.valueOf(name),
              "name",
              "attribute names must consist of lower-case letters a-z and digits 0-9 only"));
      return false;
    }
    return true;
  }

  private static void checkKnown(String name, Object value, List<Violation> out) {
    switch (name) {
      case Extensions.TRACEPARENT -> checkTraceparent(value, out);
      case Extensions.EVENT_VERSION -> checkEventVersion(value, out);
      case Extensions.AUTH_TYPE -> checkAuthType(value, out);
      default -> {}
    }
  }

  private static void checkTraceparent(Object value, List<Violation> out) {
    if (!(value instanceof String s) || !validTraceparent(s)) {
      out.add(
          new Violation(
              Extensions.TRACEPARENT,
              "traceparent",
              "must be a W3C traceparent (version-traceid-parentid-flags in lower-case hex, ids"
                  + " not all zero) but was "
                  + Attributes.quote(value)));
    }
  }

  /** One or more of a-z and 0-9; checked by hand, as it runs for every attribute of every event. */
  static boolean validName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /** {@code vv-<32 hex>-<16 hex>-ff} in lower-case hex, version not ff, ids not all zero. */
  static boolean validTraceparent(String s) {
    return s.length() == TRACEPARENT_LENGTH
        && hex(s, 0, 2)
        && s.charAt(2) == '-'
        && hex(s, 3, 35)
        && s.charAt(35) == '-'
        && hex(s, 36, 52)
        && s.charAt(52) == '-'
        && hex(s, 53, 55)
        && !s.startsWith("ff")
        && !allZero(s, 3, 35)
        && !allZero(s, 36, 52);
  }

  private static boolean hex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static boolean allZero(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  private static void checkEventVersion(Object value, List<Violation> out) {
    if (value instanceof Boolean || (value instanceof String s && s.isEmpty())) {
      out.add(
          new Violation(
              Extensions.EVENT_VERSION,
              "non-empty",
              "must be a non-empty string or an integer but was " + Attributes.quote(value)));
    }
  }

  private static void checkAuthType(Object value, List<Violation> out) {
    if (!AUTH_TYPES.contains(value)) {
      out.add(
          new Violation(
              Extensions.AUTH_TYPE,
              "authtype",
              "must be one of "
                  + AUTH_TYPES.stream().sorted().toList()
                  + " but was "
                  + Attributes.quote(value)));
    }
  }
}
