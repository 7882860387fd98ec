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
    int last = tokens.length - 1;
    for (int i = 0; i <= last; i++) {
      if (pos > len) {
        return false;
      }
      String t = tokens[i];
      if (tail && i == last) {
        return pos < len;
      }
      int end = subject.indexOf('.', pos);
      if (end < 0) {
        end = len;
      }
      if (end == pos) {
        return false;
      }
      if (!t.equals("*") && !subject.regionMatches(pos, t, 0, t.length())
          || !t.equals("*") && t.length() != end - pos) {
        return false;
      }
      pos = end + 1;
    }
    return pos == len + 1;
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
