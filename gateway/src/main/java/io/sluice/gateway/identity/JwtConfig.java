package io.sluice.gateway.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import io.sluice.gateway.identity.internal.ConfigSection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code identity.jwt}; builds the authenticator only when the section had no problems. */
final class JwtConfig {
  static final Duration DEFAULT_SKEW = Duration.ofSeconds(30);
  static final Duration DEFAULT_REFETCH = Duration.ofSeconds(30);
  static final int DEFAULT_MAX_TOKEN_BYTES = 8192;
  static final int DEFAULT_CACHE_ENTRIES = 10_000;
  private static final String[] KEYS = {
    "issuer",
    "audience",
    "jwksFile",
    "jwksUrl",
    "discovery",
    "algorithms",
    "clockSkew",
    "groupsClaim",
    "maxTokenBytes",
    "cache",
    "jwksRefetchInterval"
  };

  private JwtConfig() {}

  /** A checked jwt section: its settings, where its keys come from, and keys already loaded. */
  record Setup(
      JwtSettings settings, Optional<Path> file, Optional<URI> url, Optional<URI> discovery) {
    JwtAuthenticator build(Clock clock) {
      JwksLoader loader;
      JWKSet initial = null;
      if (file.isPresent()) {
        loader = JwksLoaders.file(file.get());
        initial = JwksLoaders.readFile(file.get());
      } else if (url.isPresent()) {
        loader = JwksLoaders.url(url.get(), JwksLoaders.httpClient());
      } else {
        loader =
            JwksLoaders.discovery(discovery.get(), settings.issuer(), JwksLoaders.httpClient());
      }
      JwksKeys keys = new JwksKeys(loader, settings.refetchInterval(), clock, initial);
      return new JwtAuthenticator(settings, keys, clock, "jwt");
    }
  }

  static Optional<Setup> read(ConfigSection jwt, List<String> problems) {
    int before = problems.size();
    jwt.allowOnly(KEYS);
    String issuer = jwt.requiredString("issuer").filter(i -> httpUrl(jwt, "issuer", i)).orElse("");
    List<String> audiences = jwt.stringOrList("audience");
    if (!jwt.has("audience")) {
      jwt.problem("audience", "is required");
    }
    Set<JWSAlgorithm> algorithms = algorithms(jwt);
    int cacheEntries = cacheEntries(jwt);
    Optional<Path> file = jwt.string("jwksFile").map(Path::of).filter(p -> readable(jwt, p));
    Optional<URI> url =
        jwt.string("jwksUrl").filter(u -> httpUrl(jwt, "jwksUrl", u)).map(URI::create);
    Optional<URI> discovery = discovery(jwt, issuer);
    keySourceCount(jwt);
    Duration skew = jwt.duration("clockSkew").orElse(DEFAULT_SKEW);
    String groupsClaim = jwt.string("groupsClaim").orElse("groups");
    int maxTokenBytes = jwt.positiveInt("maxTokenBytes").orElse(DEFAULT_MAX_TOKEN_BYTES);
    Duration refetch = jwt.duration("jwksRefetchInterval").orElse(DEFAULT_REFETCH);
    if (maxTokenBytes < 64) {
      jwt.problem("maxTokenBytes", "must be at least 64 but was " + maxTokenBytes);
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    JwtSettings settings =
        new JwtSettings(
            issuer, audiences, algorithms, skew, groupsClaim, maxTokenBytes, cacheEntries, refetch);
    return Optional.of(new Setup(settings, file, url, discovery));
  }

  private static Set<JWSAlgorithm> algorithms(ConfigSection jwt) {
    List<String> names = jwt.stringOrList("algorithms");
    if (names.isEmpty()) {
      return Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    }
    Set<JWSAlgorithm> result = new LinkedHashSet<>();
    for (String name : names) {
      JWSAlgorithm alg = JWSAlgorithm.parse(name);
      if (JwtSettings.SUPPORTED.contains(alg)) {
        result.add(alg);
      } else {
        jwt.problem(
            "algorithms",
            "must list only asymmetric signature algorithms ("
                + "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512) but held '"
                + name
                + "'");
      }
    }
    return result;
  }

  /** {@code cache.maxEntries}, or 0 when {@code cache.enabled} is false. */
  private static int cacheEntries(ConfigSection jwt) {
    return jwt.section("cache")
        .map(
            c -> {
              c.allowOnly("enabled", "maxEntries");
              int entries = c.positiveInt("maxEntries").orElse(DEFAULT_CACHE_ENTRIES);
              return cacheEnabled(c) ? entries : 0;
            })
        .orElse(DEFAULT_CACHE_ENTRIES);
  }

  private static boolean cacheEnabled(ConfigSection cache) {
    Object value = cache.values().get("enabled");
    if (value == null || value instanceof Boolean) {
      return !Boolean.FALSE.equals(value);
    }
    cache.problem("enabled", "must be true or false but was " + ConfigSection.describe(value));
    return true;
  }

  private static Optional<URI> discovery(ConfigSection jwt, String issuer) {
    Object value = jwt.values().get("discovery");
    if (value == null || Boolean.FALSE.equals(value)) {
      return Optional.empty();
    }
    if (Boolean.TRUE.equals(value)) {
      return issuer.isEmpty()
          ? Optional.empty()
          : Optional.of(JwksLoaders.discoveryDocument(issuer));
    }
    return jwt.string("discovery").filter(u -> httpUrl(jwt, "discovery", u)).map(URI::create);
  }

  private static void keySourceCount(ConfigSection jwt) {
    long sources =
        List.of("jwksFile", "jwksUrl", "discovery").stream()
            .filter(k -> jwt.has(k) && !Boolean.FALSE.equals(jwt.values().get(k)))
            .count();
    if (sources != 1) {
      jwt.problem(
          "jwksFile",
          "exactly one of jwksFile, jwksUrl or discovery must be set but " + sources + " were");
    }
  }

  private static boolean readable(ConfigSection jwt, Path file) {
    try {
      JwksLoaders.readFile(file);
      return true;
    } catch (RuntimeException e) {
      jwt.problem(
          "jwksFile",
          "must be a readable JSON Web Key Set file but '" + file + "' is not: " + e.getMessage());
      return false;
    }
  }

  static boolean httpUrl(ConfigSection section, String key, String value) {
    try {
      URI uri = URI.create(value);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return true;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    section.problem(key, "must be an https or http URL but was " + ConfigSection.describe(value));
    return false;
  }
}
