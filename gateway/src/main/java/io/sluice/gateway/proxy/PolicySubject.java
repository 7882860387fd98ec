package io.sluice.gateway.proxy;

import java.util.Optional;

/**
 * The policy subject of a proxied request: {@code http.<METHOD>.<path tokens>}, so {@code GET
 * /orders/42} is {@code http.GET.orders.42} and a rule {@code http.GET.orders.*} allows it. Empty
 * path segments are skipped; a segment outside {@code [A-Za-z0-9_~-]} cannot be a subject token and
 * the request is refused.
 */
final class PolicySubject {
  private PolicySubject() {}

  /** The subject, or empty when a path segment holds a character outside the subject alphabet. */
  static Optional<String> of(String method, String path) {
    StringBuilder subject = new StringBuilder(5 + method.length() + path.length());
    subject.append("http.").append(method);
    boolean segmentStart = true;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '/') {
        segmentStart = true;
      } else if (!tokenChar(c)) {
        return Optional.empty();
      } else {
        if (segmentStart) {
          subject.append('.');
          segmentStart = false;
        }
        subject.append(c);
      }
    }
    return Optional.of(subject.toString());
  }

  private static boolean tokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '~'
        || c == '-';
  }
}
