package io.sluice.contracts;

import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.util.List;
import java.util.Objects;

/**
 * Restricts an event type to subjects matching one of the patterns.
 *
 * @param type the event type
 * @param subjects NATS-style patterns ({@code *} one token, {@code >} the rest); at least one
 */
public record TypeBinding(String type, List<SubjectPattern> subjects) {
  public TypeBinding {
    Objects.requireNonNull(type, "type");
    if (type.isBlank()) {
      throw new IllegalArgumentException("binding type must not be blank");
    }
    subjects = List.copyOf(subjects);
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException(
          "binding for '" + type + "' must list at least one subject");
    }
  }

  /** A binding from pattern strings. */
  public static TypeBinding of(String type, String... patterns) {
    return new TypeBinding(type, List.of(patterns).stream().map(SubjectPattern::of).toList());
  }

  /** True when the subject matches one of the patterns. */
  public boolean allows(Subject subject) {
    return subjects.stream().anyMatch(p -> p.matches(subject));
  }
}
