package io.sluice.subject;

/** The syntax rules shared by {@link Subject} and {@link SubjectPattern}. */
final class SubjectSyntax {
  /** Longest subject or pattern accepted, in characters. */
  static final int MAX_LENGTH = 255;

  private SubjectSyntax() {}

  static void checkSubject(String value) {
    check(value, false);
  }

  static void checkPattern(String value) {
    check(value, true);
  }

  private static void check(String value, boolean wildcards) {
    String what = wildcards ? "subject pattern" : "subject";
    if (value == null || value.isEmpty()) {
      throw new InvalidSubjectException(value, "empty", what + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidSubjectException(
          value,
          "too-long",
          what + " must be at most " + MAX_LENGTH + " characters but was " + value.length());
    }
    int tokenStart = 0;
    for (int i = 0; i <= value.length(); i++) {
      if (i == value.length() || value.charAt(i) == '.') {
        checkToken(value, tokenStart, i, wildcards, what);
        tokenStart = i + 1;
        continue;
      }
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new InvalidSubjectException(
            value,
            "whitespace",
            what + " must not contain whitespace or control characters (position " + i + ")");
      }
    }
  }

  private static void checkToken(String value, int start, int end, boolean wildcards, String what) {
    if (start == end) {
      throw new InvalidSubjectException(
          value, "empty-token", what + " '" + value + "' has an empty token at position " + start);
    }
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (c != '*' && c != '>') {
        continue;
      }
      if (!wildcards) {
        throw new InvalidSubjectException(
            value, "wildcard", "subject '" + value + "' must not contain wildcard '" + c + "'");
      }
      if (end - start != 1) {
        throw new InvalidSubjectException(
            value,
            "partial-wildcard",
            what + " '" + value + "': '" + c + "' must be a whole token (position " + i + ")");
      }
      if (c == '>' && end != value.length()) {
        throw new InvalidSubjectException(
            value,
            "tail-not-last",
            what + " '" + value + "': '>' is only allowed as the last token");
      }
    }
  }
}
