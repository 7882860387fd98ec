package io.sluice.gateway;

import io.sluice.gateway.identity.DevelopmentIdentity;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.policy.PolicyEngine;

/**
 * The built-in policy of development mode: tokens minted by the development identity may do
 * everything (publish, subscribe, request and admin on every subject); anything else is denied.
 */
final class DevelopmentPolicy implements PolicyEngine {
  static final String VERSION = "dev";
  private static final String RULE = "development/allow[0]: publish, subscribe, request, admin >";

  @Override
  public Decision decide(Identity identity, Action action, String target) {
    if (DevelopmentIdentity.ISSUER.equals(identity.issuer())) {
      return new Decision(
          true, RULE, "development mode allows every action to dev tokens", VERSION);
    }
    return new Decision(
        false, "default-deny", "only development tokens are allowed in development mode", VERSION);
  }
}
