package io.sluice.gateway.policy;

import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The {@code http:} shorthand for the policy subject of proxied requests, and its mapping onto the
 * subject-pattern language. Grammar (one space between method and path, nothing else):
 *
 * <pre>
 * action  = "http:" method " " path
 * method  = "*" | "GET" | "HEAD" | "OPTIONS" | "PUT" | "DELETE" | "POST" | "PATCH"
 * path    = "/" | 1*("/" segment)
 * segment = 1*(A-Z / a-z / 0-9 / "_" / "~" / "-") | "*" | ">"   ; ">" only as the last segment
 * </pre>
 *
 * The mapping is token by token: {@code http:GET /orders/*} is {@code http.GET.orders.*}, {@code
 * http:* /billing/>} is {@code http.*.billing.>}, {@code http:GET /} is {@code http.GET}. As in
 * subjects, {@code *} is exactly one path segment (or any method) and {@code >} one or more
 * trailing segments, so {@code /orders/>} covers {@code /orders/42} but not {@code /orders}. Policy
 * files may also use a {@code {variable}} as a whole segment ({@code /users/{identity.id}/>}).
 */
public final class HttpAction {
  /** The prefix that marks the shorthand. */
  public static final String PREFIX = "http:";

  private static final Set<String> METHODS =
      Set.of("*", "GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_~-]+");
  private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z0-9_.:-]+}");

  private HttpAction() {}

  /** True when {@code text} is written in the shorthand (whether or not it is well formed). */
  public static boolean isShorthand(String text) {
    return text.startsWith(PREFIX);
  }

  /**
   * The subject pattern {@code text} stands for.
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  public static String toPattern(String text) {
    return map(text, false).orElseThrow(() -> new IllegalArgumentException(problem(text)));
  }

  /** As {@link #toPattern}, also accepting {@code {variable}} segments (policy rules). */
  static String toTemplate(String text) {
    return map(text, true).orElseThrow(() -> new IllegalArgumentException(problem(text)));
  }

  private static Optional<String> map(String text, boolean variables) {
    if (!isShorthand(text)) {
      return Optional.empty();
    }
    String rest = text.substring(PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0 || !METHODS.contains(rest.substring(0, space))) {
      return Optional.empty();
    }
    StringJoiner subject = new StringJoiner(".").add("http").add(rest.substring(0, space));
    String path = rest.substring(space + 1);
    if (path.equals("/")) {
      return Optional.of(subject.toString());
    }
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (!segment(segments[i], i == segments.length - 1, variables)) {
        return Optional.empty();
      }
      subject.add(segments[i]);
    }
    return Optional.of(subject.toString());
  }

  private static boolean segment(String s, boolean last, boolean variables) {
    return TOKEN.matcher(s).matches()
        || s.equals("*")
        || (last && s.equals(">"))
        || (variables && VARIABLE.matcher(s).matches());
  }

  private static String problem(String text) {
    return "'"
        + text
        + "' is not an http: action; write http:<METHOD or *> /<segments>, each segment"
        + " letters, digits, _ ~ - or * (> only last), e.g. http:GET /orders/*";
  }
}
