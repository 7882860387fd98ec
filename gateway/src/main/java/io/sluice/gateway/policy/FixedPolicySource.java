package io.sluice.gateway.policy;

import io.sluice.gateway.identity.Identity;
import java.util.function.Consumer;

/** A policy given inline in the configuration; it never changes, so it never fails to reload. */
final class FixedPolicySource implements PolicySource {
  private final CompiledPolicy policy;

  FixedPolicySource(CompiledPolicy policy) {
    this.policy = policy;
  }

  @Override
  public PolicyEngine current() {
    return policy;
  }

  @Override
  public String version() {
    return policy.version();
  }

  @Override
  public Explanation explain(Identity identity, Action action, String target) {
    return policy.explain(identity, action, target);
  }

  @Override
  public void onReloadFailure(Consumer<String> listener) {
    // an inline policy is never reloaded
  }

  @Override
  public void close() {}
}
