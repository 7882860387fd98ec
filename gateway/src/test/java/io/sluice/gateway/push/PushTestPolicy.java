package io.sluice.gateway.push;

import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.policy.PolicyEngine;

/**
 * {@code billing} may subscribe to everything but {@code *.secret.>}; {@code admin} may administer
 * and subscribe to {@code orders.>}; {@code alice} may subscribe to {@code orders.>} only; the rest
 * is denied.
 */
final class PushTestPolicy implements PolicyEngine {
  @Override
  public Decision decide(Identity identity, Action action, String target) {
    boolean allowed =
        switch (identity.id()) {
          case "billing" -> action == Action.SUBSCRIBE && !target.contains(".secret.");
          case "admin" -> action == Action.ADMIN || (action == Action.SUBSCRIBE && orders(target));
          case "alice" -> action == Action.SUBSCRIBE && orders(target);
          default -> false;
        };
    return allowed
        ? new Decision(true, identity.id() + "/allow[0]", "test rule", "test")
        : new Decision(false, "default-deny", "no rule allows it", "test");
  }

  private static boolean orders(String target) {
    return target.startsWith("orders.") && !target.contains(".secret.");
  }
}
