package io.sluice.gateway.internal;

import io.sluice.gateway.idempotency.Claim;
import io.sluice.gateway.idempotency.IdempotencyStore;
import io.sluice.gateway.idempotency.RequestFingerprint;
import io.sluice.gateway.idempotency.StoredResponse;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} rules: a first request goes ahead; a repeat with the same content
 * replays the first response; a repeat with other content is 422; a repeat while the first is still
 * running is 409. Keys are scoped to the identity.
 */
final class IdempotencyGuard {
  static final String HEADER = "Idempotency-Key";
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final IdempotencyStore store;

  IdempotencyGuard(IdempotencyStore store) {
    this.store = store;
  }

  /** A replay answer, thrown to end the pipeline early with the stored response. */
  static final class Replayed extends RuntimeException {
    private final transient StoredResponse response;

    Replayed(StoredResponse response) {
      super("replayed", null, false, false);
      this.response = response;
    }

    StoredResponse response() {
      return response;
    }
  }

  /** Validates the header value; 400 when it is empty, too long or not printable ASCII. */
  static Optional<String> key(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (!VALID_KEY.matcher(header).matches()) {
      throw Problems.fail(
          Problems.invalidParameter(
              HEADER, "Idempotency-Key must be 1 to 255 printable ASCII characters"));
    }
    return Optional.of(header);
  }

  /** Claims the key; returns normally only when this request should go ahead. */
  void claim(String scope, String key, String requestHash) {
    switch (store.claim(scope, key, requestHash)) {
      case Claim.Acquired a -> {}
      case Claim.Replay r -> throw new Replayed(r.response());
      case Claim.InProgress p -> throw Problems.fail(Problems.idempotencyInProgress());
      case Claim.Mismatch m -> throw Problems.fail(Problems.idempotencyMismatch());
    }
  }

  /** Keeps the response for replay, or forgets the key when the attempt failed on our side. */
  void finish(String scope, String key, StoredResponse response) {
    if (response.status() >= 500) {
      store.release(scope, key);
    } else {
      store.complete(scope, key, response);
    }
  }

  static String hash(String target, String contentType, byte[] body) {
    return RequestFingerprint.of(target, contentType, body);
  }
}
