package io.sluice.gateway.stream;

import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.policy.PolicyEngine;
import io.sluice.subject.SubjectPattern;

/**
 * The policy of the streaming tests: {@code alice} may publish and subscribe on {@code orders.>}
 * except {@code orders.secret.>} (deny wins) and request on {@code rpc.>}; everyone else is denied.
 */
final class StreamPolicy implements PolicyEngine {
  private static final SubjectPattern ORDERS = SubjectPattern.of("orders.>");
  private static final SubjectPattern RPC = SubjectPattern.of("rpc.>");

  @Override
  public Decision decide(Identity identity, Action action, String target) {
    if (!identity.id().equals("alice") || target.startsWith("orders.secret")) {
      return deny();
    }
    boolean allowed =
        switch (action) {
          case PUBLISH, SUBSCRIBE -> target.equals("orders.>") || ORDERS.matches(target);
          case REQUEST -> RPC.matches(target);
          default -> false;
        };
    return allowed ? new Decision(true, "readers/allow[0]", "alice reads orders", "test") : deny();
  }

  private static Decision deny() {
    return new Decision(false, "default-deny", "no rule allows it", "test");
  }
}
