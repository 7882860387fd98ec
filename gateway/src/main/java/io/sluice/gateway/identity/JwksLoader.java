package io.sluice.gateway.identity;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.concurrent.CompletableFuture;

/** Loads a JSON Web Key Set without blocking the caller. */
interface JwksLoader {
  CompletableFuture<JWKSet> load();

  /** Where the keys come from, for log lines (never a secret). */
  String describe();
}
