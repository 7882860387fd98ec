package io.sluice.gateway.identity;

import java.util.concurrent.CompletionStage;

/**
 * Turns presented credentials into a verified {@link Identity}, or fails the stage with {@link
 * AuthenticationException}. Never blocks the calling thread: a cached verification completes at
 * once; fetching keys happens off the caller's thread.
 */
@FunctionalInterface
public interface Authenticator {
  CompletionStage<Identity> authenticate(Credentials credentials);
}
