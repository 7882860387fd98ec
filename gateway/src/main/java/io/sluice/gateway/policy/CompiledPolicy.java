package io.sluice.gateway.policy;

import io.sluice.gateway.identity.Identity;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One loaded policy. For each role bound to the identity, the first matching deny rule, else the
 * first matching allow rule, is that role's verdict. Any deny decides; else any allow; else default
 * deny.
 */
final class CompiledPolicy implements PolicyEngine {
  private final String version;
  private final List<IndexedRole> roles;
  private final List<Binding> bindings;

  /** A role with its rule lists indexed by subject. */
  private record IndexedRole(Role role, RuleIndex deny, RuleIndex allow) {
    IndexedRole(Role role) {
      this(role, RuleIndex.of(role.deny()), RuleIndex.of(role.allow()));
    }
  }

  CompiledPolicy(String version, List<Role> roles, List<Binding> bindings) {
    this.version = version;
    this.roles = roles.stream().map(IndexedRole::new).toList();
    this.bindings = List.copyOf(bindings);
  }

  String version() {
    return version;
  }

  @Override
  public Decision decide(Identity identity, Action action, String target) {
    return explain(identity, action, target).decision();
  }

  Explanation explain(Identity identity, Action action, String target) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(action, "action");
    Optional<SubjectPattern> parsed = parseTarget(action, target);
    if (parsed.isEmpty()) {
      return new Explanation(invalidTarget(action, target), List.of());
    }
    Map<String, String> bound = boundRoles(identity);
    List<Explanation.RoleVerdict> verdicts = new ArrayList<>();
    Decision deny = null;
    Decision allow = null;
    for (IndexedRole indexed : roles) {
      Role role = indexed.role();
      if (!bound.containsKey(role.name())) {
        continue;
      }
      Optional<String> denied = firstMatch(indexed.deny(), identity, action, parsed.get());
      Optional<String> allowed =
          denied.isPresent()
              ? Optional.empty()
              : firstMatch(indexed.allow(), identity, action, parsed.get());
      verdicts.add(verdict(role, bound.get(role.name()), denied, allowed));
      if (denied.isPresent() && deny == null) {
        deny = decision(false, denied.get(), role, action, target);
      }
      if (allowed.isPresent() && allow == null) {
        allow = decision(true, allowed.get(), role, action, target);
      }
    }
    Decision d = deny != null ? deny : allow != null ? allow : defaultDeny(bound, action, target);
    return new Explanation(d, verdicts);
  }

  private Map<String, String> boundRoles(Identity identity) {
    Map<String, String> bound = new LinkedHashMap<>();
    for (Binding b : bindings) {
      if (b.selector().matches(identity)) {
        b.roles().forEach(r -> bound.putIfAbsent(r, b.describe()));
      }
    }
    return bound;
  }

  /**
   * Subscribe compares patterns, so it scans every rule; the other actions name one subject and
   * look only at the rules the index finds for it, in the same order.
   */
  private static Optional<String> firstMatch(
      RuleIndex rules, Identity identity, Action action, SubjectPattern target) {
    List<Rule> candidates =
        action == Action.SUBSCRIBE ? rules.all() : rules.candidates(target.value());
    for (Rule rule : candidates) {
      Optional<SubjectTemplate> t = rule.match(identity, action, target);
      if (t.isPresent()) {
        return Optional.of(rule.describe(action, t.get()));
      }
    }
    return Optional.empty();
  }

  private static Explanation.RoleVerdict verdict(
      Role role, String boundBy, Optional<String> denied, Optional<String> allowed) {
    String verdict = denied.isPresent() ? "deny" : allowed.isPresent() ? "allow" : "no-match";
    String rule = denied.or(() -> allowed).orElse("none");
    return new Explanation.RoleVerdict(role.name(), boundBy, verdict, rule);
  }

  private Decision decision(boolean allowed, String rule, Role role, Action action, String target) {
    String reason =
        "role '"
            + role.name()
            + "' "
            + (allowed ? "allows " : "denies ")
            + verb(action)
            + " on '"
            + target
            + "'";
    return new Decision(allowed, rule, reason, version);
  }

  private Decision defaultDeny(Map<String, String> bound, Action action, String target) {
    String reason =
        bound.isEmpty()
            ? "no role is bound to this identity"
            : "no rule of roles "
                + bound.keySet()
                + " allows "
                + verb(action)
                + " on '"
                + target
                + "'";
    return new Decision(false, "default-deny", reason, version);
  }

  private Decision invalidTarget(Action action, String target) {
    String what = action == Action.SUBSCRIBE ? "subject pattern" : "subject";
    return new Decision(false, "invalid-target", "the target is not a valid " + what, version);
  }

  private static Optional<SubjectPattern> parseTarget(Action action, String target) {
    try {
      if (action != Action.SUBSCRIBE && action != Action.REQUEST) {
        Subject.of(target);
      }
      return Optional.of(SubjectPattern.of(target));
    } catch (InvalidSubjectException e) {
      return Optional.empty();
    }
  }

  private static String verb(Action action) {
    return action.name().toLowerCase(Locale.ROOT);
  }
}
