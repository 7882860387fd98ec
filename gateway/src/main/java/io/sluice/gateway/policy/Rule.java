package io.sluice.gateway.policy;

import io.sluice.gateway.identity.Identity;
import io.sluice.subject.SubjectPattern;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a role's {@code allow} or {@code deny} list: actions and subject templates.
 *
 * @param role the role it belongs to
 * @param deny true for a {@code deny} entry
 * @param index position in its list, for explanations
 */
record Rule(
    String role, boolean deny, int index, Set<Action> actions, List<SubjectTemplate> subjects) {

  Rule {
    actions = Set.copyOf(actions);
    subjects = List.copyOf(subjects);
  }

  /**
   * The first subject template this rule applies with to {@code target}, or empty. A subject is
   * matched; a pattern (subscribe, or a proxy route's fixed request action) asks containment for
   * allow and overlap for deny.
   */
  Optional<SubjectTemplate> match(Identity identity, Action action, SubjectPattern target) {
    if (!actions.contains(action)) {
      return Optional.empty();
    }
    return subjects.stream().filter(t -> applies(t, identity, action, target)).findFirst();
  }

  private boolean applies(
      SubjectTemplate template, Identity identity, Action action, SubjectPattern target) {
    Optional<SubjectPattern> pattern =
        deny ? template.resolveFailClosed(identity) : template.resolve(identity);
    if (pattern.isEmpty()) {
      return false;
    }
    if (!target.hasWildcards()) {
      return pattern.get().matches(target.value());
    }
    return deny
        ? PatternAlgebra.overlaps(pattern.get(), target)
        : PatternAlgebra.contains(pattern.get(), target);
  }

  /** As in {@link Decision#rule()}: {@code ops/deny[0]: publish orders.secret.>}. */
  String describe(Action action, SubjectTemplate template) {
    return role
        + "/"
        + (deny ? "deny" : "allow")
        + "["
        + index
        + "]: "
        + action.name().toLowerCase(Locale.ROOT)
        + " "
        + template.text();
  }
}
