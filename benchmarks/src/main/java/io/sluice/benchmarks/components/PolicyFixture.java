package io.sluice.benchmarks.components;

import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Policies;
import io.sluice.gateway.policy.PolicySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant policy of a given size, built through the gateway's public {@code Policies.fromConfig}
 * as an inline {@code policy} section: one role bound to the group {@code writers} with one deny
 * rule ({@code tenants.*.secrets.>}) and {@code rules - 1} allow rules, one per tenant, cycling
 * through a tail wildcard, a single-token wildcard and a literal pattern. Targets are subjects that
 * allow rules spread evenly over the list permit, so a decision finds its rule on average half way
 * down.
 */
final class PolicyFixture {
  static final int TARGETS = 16;
  static final Identity WRITER =
      new Identity(
          "jwt",
          "alice",
          "https://login.example.com",
          Map.of("tenant", "t1"),
          Set.of("writers"),
          Long.MAX_VALUE);

  private PolicyFixture() {}

  static PolicySource policy(int rules) {
    List<Map<String, Object>> allow = new ArrayList<>();
    for (int i = 0; i < rules - 1; i++) {
      allow.add(Map.of("actions", List.of("publish"), "subjects", List.of(pattern(i))));
    }
    Map<String, Object> role =
        Map.of(
            "allow",
            allow,
            "deny",
            List.of(Map.of("actions", List.of("publish"), "subjects", "tenants.*.secrets.>")));
    Map<String, Object> section =
        Map.of(
            "roles",
            Map.of("tenant-writer", role),
            "bindings",
            List.of(Map.of("role", "tenant-writer", "group", "writers")));
    List<String> problems = new ArrayList<>();
    PolicySource source = Policies.fromConfig(section, problems);
    if (source == null) {
      throw new IllegalStateException("the benchmark policy does not compile: " + problems);
    }
    return source;
  }

  /** Subjects permitted by allow rules spread evenly over the {@code rules - 1} allow rules. */
  static String[] targets(int rules) {
    int allowRules = rules - 1;
    String[] targets = new String[TARGETS];
    for (int j = 0; j < TARGETS; j++) {
      targets[j] = permittedBy((int) ((long) j * allowRules / TARGETS));
    }
    return targets;
  }

  /** One exact subject per allow rule: what a lookup table of permitted subjects would hold. */
  static List<String> permittedSubjects(int rules) {
    List<String> subjects = new ArrayList<>();
    for (int i = 0; i < rules - 1; i++) {
      subjects.add(permittedBy(i));
    }
    return subjects;
  }

  private static String pattern(int i) {
    return switch (i % 3) {
      case 0 -> "tenants.t" + i + ".orders.>";
      case 1 -> "tenants.t" + i + ".*.created";
      default -> "tenants.t" + i + ".audit.log";
    };
  }

  private static String permittedBy(int i) {
    return switch (i % 3) {
      case 0 -> "tenants.t" + i + ".orders.eu.created";
      case 1 -> "tenants.t" + i + ".invoices.created";
      default -> "tenants.t" + i + ".audit.log";
    };
  }
}
