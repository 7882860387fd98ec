package io.sluice.gateway.policy;

import static io.sluice.gateway.policy.PolicyFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.identity.Identity;
import io.sluice.subject.SubjectPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decisions through the rule index against a reference that scans every rule: seeded random
 * policies (literal, {@code *}, {@code >} and {@code {claims.tenant}} tokens, rules with one or two
 * subjects and mixed actions) and random subjects must give the same verdict and the same deciding
 * rule.
 */
class RuleIndexPropertyTest {
  private static final long SEED = 20_261_123L;
  private static final int POLICIES = 300;
  private static final int SUBJECTS = 60;
  private static final List<String> TOKENS = List.of("a", "b", "c");
  private static final int DECISIONS = POLICIES * SUBJECTS;

  /** One generated rule: publish or subscribe, on one or two subject templates. */
  private record RandomRule(String action, List<String> subjects) {}

  private final Identity caller = user("alice", Map.of("tenant", "b"), "writers");

  @Test
  void publishDecisions_agreeWithAScanOfEveryRule() {
    Random random = new Random(SEED);
    int allowed = 0;
    for (int p = 0; p < POLICIES; p++) {
      List<RandomRule> deny = randomRules(random, 1 + random.nextInt(3));
      List<RandomRule> allow = randomRules(random, 1 + random.nextInt(12));
      PolicyEngine engine = compile(deny, allow);
      for (int s = 0; s < SUBJECTS; s++) {
        String subject = randomSubject(random);
        Decision decision = engine.decide(caller, Action.PUBLISH, subject);
        assertThat(decision.rule())
            .as("policy %d (seed %d), deny %s, allow %s, subject %s", p, SEED, deny, allow, subject)
            .isEqualTo(expectedRule(deny, allow, subject));
        allowed += decision.allowed() ? 1 : 0;
      }
    }
    assertThat(allowed)
        .as("both verdicts are exercised")
        .isBetween(DECISIONS / 20, DECISIONS - DECISIONS / 20);
  }

  private PolicyEngine compile(List<RandomRule> deny, List<RandomRule> allow) {
    Map<String, Object> role = Map.of("deny", entries(deny), "allow", entries(allow));
    Map<String, Object> section =
        Map.of(
            "roles",
            Map.of("r", role),
            "bindings",
            List.of(Map.of("role", "r", "group", "writers")));
    List<String> problems = new ArrayList<>();
    PolicySource source = Policies.fromConfig(section, problems);
    assertThat(problems).isEmpty();
    return source.current();
  }

  private static List<Map<String, Object>> entries(List<RandomRule> rules) {
    return rules.stream()
        .<Map<String, Object>>map(
            r -> Map.of("actions", List.of(r.action()), "subjects", r.subjects()))
        .toList();
  }

  /** The linear reference: first deny rule that matches, else first allow rule, else default. */
  private String expectedRule(List<RandomRule> deny, List<RandomRule> allow, String subject) {
    String denied = firstMatch("r/deny", deny, subject);
    if (denied != null) {
      return denied;
    }
    String allowedBy = firstMatch("r/allow", allow, subject);
    return allowedBy != null ? allowedBy : "default-deny";
  }

  private String firstMatch(String list, List<RandomRule> rules, String subject) {
    for (int i = 0; i < rules.size(); i++) {
      if (!rules.get(i).action().equals("publish")) {
        continue;
      }
      for (String template : rules.get(i).subjects()) {
        String pattern = template.replace("{claims.tenant}", "b");
        if (SubjectPattern.of(pattern).matches(subject)) {
          return list + "[" + i + "]: publish " + template;
        }
      }
    }
    return null;
  }

  private static List<RandomRule> randomRules(Random random, int count) {
    List<RandomRule> rules = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> subjects = new ArrayList<>();
      for (int n = random.nextInt(4) == 0 ? 2 : 1; n > 0; n--) {
        subjects.add(randomTemplate(random));
      }
      rules.add(new RandomRule(random.nextInt(4) == 0 ? "subscribe" : "publish", subjects));
    }
    return rules;
  }

  /** One to four tokens from {a, b, c, *, {claims.tenant}}, the last possibly {@code >}. */
  private static String randomTemplate(Random random) {
    int length = 1 + random.nextInt(4);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(i == length - 1 ? 6 : 5);
      tokens.add(
          pick < 3 ? TOKENS.get(pick) : pick == 3 ? "*" : pick == 4 ? "{claims.tenant}" : ">");
    }
    return String.join(".", tokens);
  }

  private static String randomSubject(Random random) {
    int length = 1 + random.nextInt(4);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      tokens.add(TOKENS.get(random.nextInt(TOKENS.size())));
    }
    return String.join(".", tokens);
  }
}
