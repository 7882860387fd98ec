package io.sluice.gateway.policy;

import java.util.List;
import java.util.Objects;

/**
 * The decision for one request and how every role bound to the identity voted.
 *
 * @param decision the overall decision (same as {@link PolicyEngine#decide})
 * @param roles one entry per role bound to the identity, in policy order
 */
public record Explanation(Decision decision, List<RoleVerdict> roles) {
  public Explanation {
    Objects.requireNonNull(decision, "decision");
    roles = List.copyOf(roles);
  }

  /**
   * How one role voted.
   *
   * @param role the role name
   * @param boundBy the binding that gave the identity this role, e.g. {@code bindings[1]: group
   *     ops}
   * @param verdict {@code allow}, {@code deny} or {@code no-match}
   * @param rule the rule that matched, e.g. {@code ops/deny[0]: publish orders.secret.>}, or {@code
   *     none}
   */
  public record RoleVerdict(String role, String boundBy, String verdict, String rule) {
    public RoleVerdict {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(boundBy, "boundBy");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(rule, "rule");
    }
  }
}
