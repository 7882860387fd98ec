package io.sluice.gateway.identity;

/**
 * Credentials missing or not acceptable. The message is safe to show to the caller: it names the
 * rule that failed ("token expired", "unknown key id") and never echoes the credential.
 */
public final class AuthenticationException extends RuntimeException {
  private final String rule;

  public AuthenticationException(String rule, String message) {
    super(message, null, false, false);
    this.rule = rule;
  }

  /** Short stable identifier of the failed check, e.g. {@code expired}, {@code bad-signature}. */
  public String rule() {
    return rule;
  }
}
