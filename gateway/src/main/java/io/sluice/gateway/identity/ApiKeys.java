package io.sluice.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** API keys: hashing for configuration and generation for the command line. */
public final class ApiKeys {
  static final String PREFIX = "sha256:";
  private static final Pattern HASH = Pattern.compile("sha256:[0-9a-fA-F]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** The form stored in configuration: {@code sha256:<lowercase hex>}. */
  public static String hash(String rawKey) {
    if (rawKey == null || rawKey.isEmpty()) {
      throw new IllegalArgumentException("an API key must not be empty");
    }
    return PREFIX + HexFormat.of().formatHex(digest(rawKey));
  }

  /** A new random key: {@code sk_} followed by 256 random bits in base64url. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static boolean isHash(String text) {
    return text != null && HASH.matcher(text).matches();
  }

  /** The raw digest bytes of a configured {@code sha256:<hex>} hash. */
  static byte[] digestOf(String configuredHash) {
    return HexFormat.of().parseHex(configuredHash.substring(PREFIX.length()).toLowerCase());
  }

  static byte[] digest(String rawKey) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
