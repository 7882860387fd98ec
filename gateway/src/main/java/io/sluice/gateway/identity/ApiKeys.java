package io.sluice.gateway.identity;

/** API key helpers: hashing for configuration and generation for the command line. */
public final class ApiKeys {
  private ApiKeys() {}

  /** The form stored in configuration: {@code sha256:<lowercase hex>}. */
  public static String hash(String rawKey) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** A new random key (256 bits, base64url, prefixed {@code sk_}). */
  public static String generate() {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
