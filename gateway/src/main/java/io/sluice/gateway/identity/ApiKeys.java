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
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ApiKeys::sha256);

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

  /**
   * The SHA-256 of {@code rawKey}. The digest is looked up once per thread: the provider lookup of
   * {@link MessageDigest#getInstance} cost more than hashing a token, on every request.
   */
  static byte[] digest(String rawKey) {
    return SHA256.get().digest(rawKey.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
