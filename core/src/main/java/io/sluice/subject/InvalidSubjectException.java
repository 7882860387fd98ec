package io.sluice.subject;

/** A subject or subject pattern breaks the syntax; the message names the rule and the position. */
public final class InvalidSubjectException extends IllegalArgumentException {
  private final String input;
  private final String rule;

  public InvalidSubjectException(String input, String rule, String message) {
    super(message);
    this.input = input;
    this.rule = rule;
  }

  /** The rejected text (may be null). */
  public String input() {
    return input;
  }

  /** A short stable identifier of the broken rule, e.g. {@code empty-token}. */
  public String rule() {
    return rule;
  }
}
