package io.sluice.audit;

import java.util.regex.Pattern;

/**
 * Defence in depth for free-text fields: replaces anything shaped like a bearer token, a JWT or a
 * {@code Basic} credential with {@code [redacted]}, so that an error message that quotes a request
 * cannot carry a secret into the audit trail.
 */
final class SecretScrubber {
  static final String REDACTED = "[redacted]";
  private static final Pattern SECRETS =
      Pattern.compile(
          "(?i)(?:bearer|basic)\\s+[A-Za-z0-9._~+/=-]+"
              + "|eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

  private SecretScrubber() {}

  static String scrub(String text) {
    if (text == null) {
      return null;
    }
    return SECRETS.matcher(text).replaceAll(REDACTED);
  }
}
