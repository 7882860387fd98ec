package io.sluice.gateway.identity;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Picks the method the request's credentials call for: {@code Authorization: Bearer} goes to JWT,
 * {@code X-API-Key} to API keys, a client certificate to mTLS, in that order of precedence.
 */
final class CredentialRouter implements Authenticator {
  private final JwtAuthenticator jwt;
  private final ApiKeyAuthenticator apiKeys;
  private final MtlsAuthenticator mtls;

  /** Any of the three may be null when that method is not configured. */
  CredentialRouter(JwtAuthenticator jwt, ApiKeyAuthenticator apiKeys, MtlsAuthenticator mtls) {
    this.jwt = jwt;
    this.apiKeys = apiKeys;
    this.mtls = mtls;
  }

  /** The JWT method, or null when not configured. */
  JwtAuthenticator jwt() {
    return jwt;
  }

  @Override
  public CompletionStage<Identity> authenticate(Credentials credentials) {
    try {
      return route(credentials);
    } catch (AuthenticationException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletionStage<Identity> route(Credentials credentials) {
    if (credentials.authorization().isPresent()) {
      return configured(jwt, "bearer tokens")
          .authenticate(bearer(credentials.authorization().get()));
    }
    if (credentials.apiKey().isPresent()) {
      return configured(apiKeys, "API keys").authenticate(credentials.apiKey().get());
    }
    if (!credentials.clientCertificates().isEmpty()) {
      return configured(mtls, "client certificates").authenticate(credentials.clientCertificates());
    }
    throw new AuthenticationException(
        "missing", "no credentials: send a bearer token, an X-API-Key or a client certificate");
  }

  static String bearer(String authorization) {
    String value = authorization.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new AuthenticationException(
          "unsupported-scheme", "the Authorization header must use the Bearer scheme");
    }
    String token = space < 0 ? "" : value.substring(space + 1).strip();
    if (token.isEmpty()) {
      throw new AuthenticationException("malformed", "the bearer token is empty");
    }
    return token;
  }

  private static <T> T configured(T method, String what) {
    if (method == null) {
      throw new AuthenticationException(
          "method-not-configured", "this gateway does not accept " + what);
    }
    return method;
  }
}
