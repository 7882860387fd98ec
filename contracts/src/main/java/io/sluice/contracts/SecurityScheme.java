package io.sluice.contracts;

/** How callers prove who they are, as described in the generated documents. */
public enum SecurityScheme {
  /** {@code Authorization: Bearer <JWT>} verified against the issuer's keys. */
  BEARER_JWT("bearerJwt"),
  /** An API key in the {@code X-API-Key} header. */
  API_KEY("apiKey"),
  /** A TLS client certificate. */
  MTLS("mutualTls");

  /** The header API keys travel in. */
  public static final String API_KEY_HEADER = "X-API-Key";

  private final String componentName;

  SecurityScheme(String componentName) {
    this.componentName = componentName;
  }

  /** The key under {@code components/securitySchemes}. */
  public String componentName() {
    return componentName;
  }
}
