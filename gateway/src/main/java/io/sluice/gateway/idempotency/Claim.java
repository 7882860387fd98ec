package io.sluice.gateway.idempotency;

/** What the store says about a request carrying an {@code Idempotency-Key}. */
public sealed interface Claim {

  /** First time: the caller goes ahead and must later {@code complete} or {@code release}. */
  record Acquired() implements Claim {}

  /** Seen and answered with the same request: send this response again. */
  record Replay(StoredResponse response) implements Claim {}

  /** The first request with this key is still being processed. */
  record InProgress() implements Claim {}

  /** The key was used for a different request. */
  record Mismatch() implements Claim {}
}
