package io.sluice.gateway.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the HMAC is
 * keyed with the subscription's secret over the bytes of {@code "<t>."} followed by the body.
 */
public final class Signature {
  /** The header carrying the signature. */
  public static final String HEADER = "Sluice-Signature";

  private Signature() {}

  /** The header value for a body sent at {@code epochSecond}. */
  static String header(Secret secret, long epochSecond, byte[] body) {
    return "t=" + epochSecond + ",v1=" + HexFormat.of().formatHex(mac(secret, epochSecond, body));
  }

  private static byte[] mac(Secret secret, long epochSecond, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
      mac.update((epochSecond + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }
}
