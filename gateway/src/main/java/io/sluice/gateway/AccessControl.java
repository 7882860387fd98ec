package io.sluice.gateway;

import io.sluice.gateway.identity.Authenticator;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Explanation;
import io.sluice.gateway.policy.PolicyEngine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may call the gateway and what they may do: the authenticator that verifies credentials, the
 * policy that decides each action, the explainer behind {@code /v1/policy/explain}, and the loaded
 * policy's version (empty while no policy is loaded, which makes the gateway not ready).
 */
public record AccessControl(
    Authenticator authenticator,
    PolicyEngine policy,
    Explainer explainer,
    Supplier<Optional<String>> policyVersion) {

  public AccessControl {
    Objects.requireNonNull(authenticator, "authenticator");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(explainer, "explainer");
    Objects.requireNonNull(policyVersion, "policyVersion");
  }

  /** A fixed policy; explanations carry its decision without per-role detail. */
  public static AccessControl of(Authenticator authenticator, PolicyEngine policy, String version) {
    Explainer explainer =
        (identity, action, target) ->
            new Explanation(policy.decide(identity, action, target), List.of());
    return new AccessControl(authenticator, policy, explainer, () -> Optional.of(version));
  }

  /** Says how a decision came about, role by role when the policy knows roles. */
  @FunctionalInterface
  public interface Explainer {
    Explanation explain(Identity identity, Action action, String target);
  }
}
