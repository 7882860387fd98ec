package io.sluice.subject;

/**
 * A subject pattern with NATS semantics: {@code *} matches exactly one token, {@code >} matches one
 * or more trailing tokens and may only be the last token. A pattern without wildcards matches
 * exactly one subject.
 */
public final class SubjectPattern {
  private final String value;
  private final String[] tokens;
  private final boolean tail;

  private SubjectPattern(String value) {
    SubjectSyntax.checkPattern(value);
    this.value = value;
    this.tokens = value.split("\\.", -1);
    this.tail = tokens[tokens.length - 1].equals(">");
  }

  public static SubjectPattern of(String value) {
    return new SubjectPattern(value);
  }

  public String value() {
    return value;
  }

  /** True when the pattern holds {@code *} or {@code >}. */
  public boolean hasWildcards() {
    for (String t : tokens) {
      if (t.equals("*") || t.equals(">")) {
        return true;
      }
    }
    return false;
  }

  public boolean matches(Subject subject) {
    return matches(subject.value());
  }

  /** Matches a subject given as text; text that is not a valid subject never matches. */
  public boolean matches(String subject) {
    int pos = 0;
    int len = subject.length();
    for (int i = 0; i < tokens.length; i++) {
      if (pos >= len) {
        return false;
      }
      if (tail && i == tokens.length - 1) {
        return isWellFormedRest(subject, pos);
      }
      int end = tokenEnd(subject, pos);
      if (end == pos || !tokenMatches(tokens[i], subject, pos, end)) {
        return false;
      }
      pos = end + 1;
    }
    return pos == len + 1;
  }

  private static int tokenEnd(String subject, int from) {
    int end = subject.indexOf('.', from);
    return end < 0 ? subject.length() : end;
  }

  private static boolean tokenMatches(String token, String subject, int from, int end) {
    if (token.equals("*")) {
      return isPlainToken(subject, from, end);
    }
    return token.length() == end - from && subject.regionMatches(from, token, 0, token.length());
  }

  private static boolean isWellFormedRest(String subject, int from) {
    int start = from;
    for (int i = from; i <= subject.length(); i++) {
      if (i == subject.length() || subject.charAt(i) == '.') {
        if (i == start || !isPlainToken(subject, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  private static boolean isPlainToken(String subject, int from, int end) {
    for (int i = from; i < end; i++) {
      char c = subject.charAt(i);
      if (c == '*' || c == '>' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubjectPattern p && p.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
