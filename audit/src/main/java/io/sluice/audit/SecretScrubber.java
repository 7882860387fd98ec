package io.sluice.audit;

import java.util.regex.Pattern;

/**
 * Defence in depth for free-text fields: replaces anything shaped like a bearer token, a JWT or a
 * {@code Basic} credential with {@code [redacted]}, so that an error message that quotes a request
 * cannot carry a secret into the audit trail.
 *
 * <p>Every match of the (case-insensitive) pattern starts with {@code eyJ}, {@code bearer} or
 * {@code basic} in some mix of cases. Text that holds none of those (subjects, ids, receipts:
 * nearly every field) is returned after one scan of its characters, without running the regex.
 */
final class SecretScrubber {
  static final String REDACTED = "[redacted]";
  private static final Pattern SECRETS =
      Pattern.compile(
          "(?i)(?:bearer|basic)\\s+[A-Za-z0-9._~+/=-]+"
              + "|eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

  private SecretScrubber() {}

  static String scrub(String text) {
    if (text == null || !mayHoldSecret(text)) {
      return text;
    }
    return SECRETS.matcher(text).replaceAll(REDACTED);
  }

  /** False only when no match of {@link #SECRETS} can start anywhere in the text. */
  static boolean mayHoldSecret(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (secretStartsAt(text, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean secretStartsAt(String text, int i) {
    return switch (text.charAt(i)) {
      case 'e', 'E' -> text.regionMatches(true, i, "eyj", 0, 3);
      case 'b', 'B' ->
          text.regionMatches(true, i, "bearer", 0, 6) || text.regionMatches(true, i, "basic", 0, 5);
      default -> false;
    };
  }
}
