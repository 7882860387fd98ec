package io.sluice.gateway.policy;

import io.sluice.gateway.identity.Identity;

/**
 * Decides actions. Deny wins over allow; no matching allow means deny. Must be fast and must not
 * block: it runs on the event loop for every request.
 */
@FunctionalInterface
public interface PolicyEngine {

  /**
   * @param target a subject for publish and admin; a subject or pattern for subscribe and request
   *     (a pattern is allowed only when every subject it can match is allowed)
   */
  Decision decide(Identity identity, Action action, String target);
}
