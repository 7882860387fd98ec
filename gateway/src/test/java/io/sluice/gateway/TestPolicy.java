package io.sluice.gateway;

import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.policy.PolicyEngine;
import io.sluice.subject.SubjectPattern;

/**
 * A small fixed policy for gateway tests: {@code alice} may publish on {@code orders.>}; {@code
 * admin} may do admin actions; everything else is denied by {@code default-deny}.
 */
final class TestPolicy implements PolicyEngine {
  static final String ALICE_RULE = "writers/allow[0]: publish orders.>";
  private static final SubjectPattern ORDERS = SubjectPattern.of("orders.>");

  @Override
  public Decision decide(Identity identity, Action action, String target) {
    if (identity.id().equals("alice") && action == Action.PUBLISH && ORDERS.matches(target)) {
      return new Decision(true, ALICE_RULE, "alice writes orders", "test");
    }
    if (identity.id().equals("admin") && action == Action.ADMIN) {
      return new Decision(true, "admins/allow[0]: admin >", "admins administer", "test");
    }
    return new Decision(false, "default-deny", "no rule allows it", "test");
  }
}
