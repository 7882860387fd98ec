package io.sluice.gateway.proxy;

import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The policy subject of a proxied request: {@code http.<METHOD>.<path tokens>}, so {@code GET
 * /orders/42} is {@code http.GET.orders.42} and a rule {@code http.GET.orders.*} allows it. Empty
 * path segments are skipped; a segment outside {@code [A-Za-z0-9_~-]} cannot be a subject token and
 * the request is refused.
 */
final class PolicySubject {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_~-]+");

  private PolicySubject() {}

  /** The subject, or empty when a path segment holds a character outside the subject alphabet. */
  static Optional<String> of(String method, String path) {
    StringJoiner subject = new StringJoiner(".");
    subject.add("http").add(method);
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (!TOKEN.matcher(segment).matches()) {
        return Optional.empty();
      }
      subject.add(segment);
    }
    return Optional.of(subject.toString());
  }
}
