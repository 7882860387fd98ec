package io.sluice.gateway;

import io.sluice.gateway.identity.Authenticator;
import io.sluice.gateway.policy.PolicyEngine;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may call the gateway and what they may do: the authenticator that verifies credentials, the
 * policy that decides each action, and the loaded policy's version (empty while no policy is
 * loaded, which makes the gateway not ready).
 */
public record AccessControl(
    Authenticator authenticator, PolicyEngine policy, Supplier<Optional<String>> policyVersion) {

  public AccessControl {
    Objects.requireNonNull(authenticator, "authenticator");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(policyVersion, "policyVersion");
  }

  public static AccessControl of(Authenticator authenticator, PolicyEngine policy, String version) {
    return new AccessControl(authenticator, policy, () -> Optional.of(version));
  }
}
