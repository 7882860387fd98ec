package io.sluice.gateway.identity;

import java.util.List;
import java.util.Map;

/** Builds the gateway's {@link Authenticator} from the {@code identity} section of the config. */
public final class Authenticators {
  private Authenticators() {}

  /**
   * Reads the {@code identity} section (see the package documentation for its shape). Every problem
   * is added to {@code problems} as {@code "identity.jwt.issuer: must be ..."}.
   *
   * @return the authenticator, or null when {@code problems} received anything
   */
  public static Authenticator fromConfig(
      Map<String, Object> identitySection, List<String> problems) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
