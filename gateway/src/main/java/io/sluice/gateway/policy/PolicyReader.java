package io.sluice.gateway.policy;

import io.sluice.gateway.identity.internal.ConfigSection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a policy document (roles and bindings) into a {@link CompiledPolicy}, naming every problem.
 */
final class PolicyReader {
  private static final String[] SELECTORS = {
    "claim", "group", "apiKey", "certificate", "subject", "anyAuthenticated"
  };

  private PolicyReader() {}

  static Optional<CompiledPolicy> read(
      ConfigSection document, String version, List<String> problems, String... extraKeys) {
    int before = problems.size();
    List<String> allowed = new ArrayList<>(List.of("roles", "bindings"));
    allowed.addAll(List.of(extraKeys));
    document.allowOnly(allowed.toArray(String[]::new));
    if (!document.has("roles")) {
      document.problem("roles", "is required");
    }
    Map<String, Role> roles = roles(document);
    List<Binding> bindings = new ArrayList<>();
    List<ConfigSection> sections = document.sections("bindings");
    for (int i = 0; i < sections.size(); i++) {
      binding(sections.get(i), i, roles).ifPresent(bindings::add);
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new CompiledPolicy(version, List.copyOf(roles.values()), bindings));
  }

  private static Map<String, Role> roles(ConfigSection document) {
    Map<String, Role> roles = new LinkedHashMap<>();
    document
        .section("roles")
        .ifPresent(
            section ->
                section
                    .values()
                    .forEach(
                        (name, value) ->
                            section.section(name).ifPresent(r -> roles.put(name, role(name, r)))));
    return roles;
  }

  private static Role role(String name, ConfigSection role) {
    role.allowOnly("allow", "deny", "description");
    return new Role(name, rules(role, name, "allow"), rules(role, name, "deny"));
  }

  private static List<Rule> rules(ConfigSection role, String name, String kind) {
    List<Rule> rules = new ArrayList<>();
    List<ConfigSection> sections = role.sections(kind);
    for (int i = 0; i < sections.size(); i++) {
      ConfigSection rule = sections.get(i);
      rule.allowOnly("actions", "subjects");
      Set<Action> actions = actions(rule);
      List<SubjectTemplate> subjects = subjects(rule);
      rules.add(new Rule(name, kind.equals("deny"), i, actions, subjects));
    }
    return rules;
  }

  private static Set<Action> actions(ConfigSection rule) {
    Set<Action> actions = EnumSet.noneOf(Action.class);
    if (!rule.has("actions")) {
      rule.problem("actions", "is required");
    }
    for (String name : rule.stringOrList("actions")) {
      try {
        actions.add(Action.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        rule.problem(
            "actions",
            "must hold only publish, subscribe, request or admin but held "
                + ConfigSection.describe(name));
      }
    }
    return actions;
  }

  private static List<SubjectTemplate> subjects(ConfigSection rule) {
    List<SubjectTemplate> subjects = new ArrayList<>();
    if (!rule.has("subjects")) {
      rule.problem("subjects", "is required");
    }
    for (String text : rule.stringOrList("subjects")) {
      try {
        subjects.add(
            SubjectTemplate.parse(
                HttpAction.isShorthand(text) ? HttpAction.toTemplate(text) : text));
      } catch (IllegalArgumentException e) {
        rule.problem(
            "subjects",
            "'" + text + "' is not a valid subject pattern or template: " + e.getMessage());
      }
    }
    return subjects;
  }

  private static Optional<Binding> binding(ConfigSection b, int index, Map<String, Role> roles) {
    List<String> allowed = new ArrayList<>(List.of("role", "roles"));
    allowed.addAll(List.of(SELECTORS));
    b.allowOnly(allowed.toArray(String[]::new));
    List<String> names = new ArrayList<>(b.stringOrList("role"));
    names.addAll(b.stringOrList("roles"));
    if (names.isEmpty()) {
      b.problem("role", "a binding needs role or roles");
    }
    for (String name : names) {
      if (!roles.containsKey(name)) {
        b.problem("role", "unknown role '" + name + "'; defined roles are " + roles.keySet());
      }
    }
    return selector(b).map(s -> new Binding(index, names, s));
  }

  private static Optional<Binding.Selector> selector(ConfigSection b) {
    List<String> present = List.of(SELECTORS).stream().filter(b::has).toList();
    if (present.size() != 1) {
      b.problem(
          "claim",
          "a binding needs exactly one of "
              + String.join(", ", SELECTORS)
              + " but had "
              + (present.isEmpty() ? "none" : String.join(", ", present)));
      return Optional.empty();
    }
    return switch (present.get(0)) {
      case "claim" -> b.section("claim").flatMap(PolicyReader::claim);
      case "group" -> b.string("group").map(Binding.InGroup::new);
      case "apiKey" -> b.string("apiKey").map(Binding.ApiKey::new);
      case "certificate" -> b.string("certificate").map(Binding.Certificate::new);
      case "subject" -> b.string("subject").map(Binding.TokenSubject::new);
      default -> anyAuthenticated(b);
    };
  }

  private static Optional<Binding.Selector> claim(ConfigSection claim) {
    claim.allowOnly("name", "value");
    Optional<String> name = claim.requiredString("name");
    Optional<String> value = claim.requiredString("value");
    return name.flatMap(n -> value.map(v -> new Binding.ClaimEquals(n, v)));
  }

  private static Optional<Binding.Selector> anyAuthenticated(ConfigSection b) {
    if (Boolean.TRUE.equals(b.values().get("anyAuthenticated"))) {
      return Optional.of(new Binding.AnyAuthenticated());
    }
    b.problem(
        "anyAuthenticated",
        "must be true but was " + ConfigSection.describe(b.values().get("anyAuthenticated")));
    return Optional.empty();
  }
}
