package io.sluice.gateway.policy;

import java.util.List;
import java.util.Map;

/** Builds a {@link PolicySource} from the {@code policy} section of the config. */
public final class Policies {
  private Policies() {}

  /**
   * Reads {@code {file: path}} (reloaded on change) or inline {@code {roles: ..., bindings: ...}}.
   * Every problem is added to {@code problems} as {@code "policy.roles.ops.allow[0].actions: ..."}.
   *
   * @return the source, or null when {@code problems} received anything
   */
  public static PolicySource fromConfig(Map<String, Object> policySection, List<String> problems) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
