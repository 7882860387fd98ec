package io.sluice.gateway.policy;

import java.util.Objects;

/**
 * The answer to "may this identity do this action on this subject", with the reason.
 *
 * @param allowed true only when an allow rule matched and no deny rule did
 * @param rule the rule that decided, as {@code role/allow[2]: publish orders.>}, or {@code
 *     default-deny}
 * @param reason a sentence for people and audit records
 * @param policyVersion the version of the policy that decided (a content hash prefix)
 */
public record Decision(boolean allowed, String rule, String reason, String policyVersion) {
  public Decision {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(policyVersion, "policyVersion");
  }
}
