package io.sluice.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the gateway fingerprints a request for the idempotency check: SHA-256 over the target
 * (subject, or the batch marker), the Content-Type and the body. Two requests with equal
 * fingerprints are "the same request" for replay.
 */
public final class RequestFingerprint {
  private RequestFingerprint() {}

  public static String of(String target, String contentType, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(target.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(String.valueOf(contentType).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
