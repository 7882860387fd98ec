package io.sluice.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * An ephemeral signing key for development mode and tests: mints tokens with issuer {@code
 * sluice-dev} and audience {@code sluice}, and verifies them.
 */
public final class DevelopmentIdentity {
  public static final String ISSUER = "sluice-dev";
  public static final String AUDIENCE = "sluice";

  private DevelopmentIdentity() {}

  public static DevelopmentIdentity create(Clock clock) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Verifies tokens minted by {@link #mint}. */
  public Authenticator authenticator() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** A signed JWT for {@code subject} with extra {@code claims}, valid for {@code ttl}. */
  public String mint(String subject, Map<String, Object> claims, Duration ttl) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The public key set as JSON, to configure {@code identity.jwt.jwksFile} elsewhere. */
  public String jwks() {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
