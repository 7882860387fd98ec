package io.sluice.gateway.internal;

import io.sluice.gateway.identity.AuthenticationException;
import io.sluice.gateway.identity.Credentials;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.vertx.core.http.HttpServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The checks every protected endpoint runs: authenticate, throttle, authorize. */
final class Guards {
  private final Services services;

  Guards(Services services) {
    this.services = services;
  }

  /** Verifies the presented credentials; 401 when none or when they fail. */
  CompletionStage<Identity> authenticate(HttpServerRequest request, RequestState state) {
    Credentials credentials = credentials(request);
    if (credentials.isEmpty()) {
      services.metrics().denied("authenticate", "unauthenticated");
      return CompletableFuture.failedFuture(Problems.fail(Problems.missingCredentials()));
    }
    CompletionStage<Identity> stage;
    try {
      stage = services.access().authenticator().authenticate(credentials);
    } catch (AuthenticationException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    return stage.handle(
        (identity, error) -> {
          if (error != null) {
            throw rejected(error);
          }
          state.identityId(identity.id());
          return identity;
        });
  }

  /** Takes {@code tokens} from the identity's bucket; 429 with Retry-After when empty. */
  void throttle(Identity identity, int tokens) {
    long retryAfter = services.rateLimiter().tryTake(identity.id(), tokens);
    if (retryAfter > 0) {
      services.metrics().denied("throttle", "rate_limited");
      throw Problems.fail(Problems.rateLimited(retryAfter));
    }
  }

  /** Asks the policy; 403 naming the deciding rule when denied, else the allowing decision. */
  Decision authorize(Identity identity, Action action, String target) {
    Decision decision = services.access().policy().decide(identity, action, target);
    if (!decision.allowed()) {
      String name = action.name().toLowerCase(Locale.ROOT);
      services.metrics().denied(name, "forbidden");
      throw Problems.fail(Problems.forbidden(name, target, decision));
    }
    return decision;
  }

  private CompletionException rejected(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof AuthenticationException e) {
      services.metrics().denied("authenticate", "unauthenticated");
      return new CompletionException(Problems.fail(Problems.badCredentials(e)));
    }
    return new CompletionException(cause);
  }

  static Credentials credentials(HttpServerRequest request) {
    return new Credentials(
        Optional.ofNullable(request.getHeader("Authorization")),
        Optional.ofNullable(request.getHeader("X-API-Key")),
        clientCertificates(request));
  }

  private static List<X509Certificate> clientCertificates(HttpServerRequest request) {
    if (!request.isSSL()) {
      return List.of();
    }
    try {
      List<Certificate> chain = request.connection().peerCertificates();
      return chain == null
          ? List.of()
          : chain.stream()
              .filter(X509Certificate.class::isInstance)
              .map(X509Certificate.class::cast)
              .toList();
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }
}
