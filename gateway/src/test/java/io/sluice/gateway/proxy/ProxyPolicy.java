package io.sluice.gateway.proxy;

import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.policy.PolicyEngine;
import io.sluice.subject.SubjectPattern;

/** {@code alice} may make any proxied request ({@code request http.>}); everyone else is denied. */
final class ProxyPolicy implements PolicyEngine {
  static final String RULE = "callers/allow[0]: request http.>";
  private static final SubjectPattern HTTP = SubjectPattern.of("http.>");

  @Override
  public Decision decide(Identity identity, Action action, String target) {
    if (identity.id().equals("alice") && action == Action.REQUEST && HTTP.matches(target)) {
      return new Decision(true, RULE, "alice calls services", "test");
    }
    return new Decision(false, "default-deny", "no rule allows it", "test");
  }
}
