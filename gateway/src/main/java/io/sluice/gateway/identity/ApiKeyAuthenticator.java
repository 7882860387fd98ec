package io.sluice.gateway.identity;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Verifies {@code X-API-Key} values against configured SHA-256 hashes. The presented key is hashed
 * and compared with every configured hash in constant time; the key itself is never kept.
 */
final class ApiKeyAuthenticator {

  /** One configured key: its id, its digest, and the roles and groups it carries. */
  record Entry(String id, byte[] digest, List<String> roles, Set<String> groups) {
    Entry {
      digest = digest.clone();
      roles = List.copyOf(roles);
      groups = Set.copyOf(groups);
    }
  }

  private final List<Entry> entries;

  ApiKeyAuthenticator(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  CompletionStage<Identity> authenticate(String presentedKey) {
    byte[] presented = ApiKeys.digest(presentedKey);
    Entry match = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.digest(), presented) && match == null) {
        match = e;
      }
    }
    if (match == null) {
      return CompletableFuture.failedFuture(
          new AuthenticationException("unknown-api-key", "the API key is not recognised"));
    }
    return CompletableFuture.completedFuture(identityOf(match));
  }

  private static Identity identityOf(Entry e) {
    Map<String, Object> claims = e.roles().isEmpty() ? Map.of() : Map.of("roles", e.roles());
    return new Identity("apikey", e.id(), "sluice", claims, e.groups(), Long.MAX_VALUE);
  }
}
