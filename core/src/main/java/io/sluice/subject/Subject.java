package io.sluice.subject;

/**
 * A concrete subject an event is published to: {@code .}-separated tokens, no wildcards.
 *
 * <p>Tokens are non-empty and hold no whitespace, control characters, {@code *} or {@code >}; the
 * whole subject is at most {@link SubjectSyntax#MAX_LENGTH} characters.
 */
public record Subject(String value) implements Comparable<Subject> {
  public Subject {
    SubjectSyntax.checkSubject(value);
  }

  public static Subject of(String value) {
    return new Subject(value);
  }

  @Override
  public int compareTo(Subject o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
