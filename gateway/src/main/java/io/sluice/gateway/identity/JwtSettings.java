package io.sluice.gateway.identity;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How bearer tokens are checked.
 *
 * @param issuer the exact {@code iss} a token must carry
 * @param audiences a token's {@code aud} must hold at least one of these
 * @param algorithms signature algorithms accepted (asymmetric only)
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param groupsClaim claim (dotted path for nested claims) holding the caller's groups
 * @param maxTokenBytes longer tokens are rejected before parsing
 * @param cacheMaxEntries how many verified tokens are remembered; 0 turns the cache off
 * @param refetchInterval at most one key refetch per interval for unknown key ids
 */
record JwtSettings(
    String issuer,
    List<String> audiences,
    Set<JWSAlgorithm> algorithms,
    Duration clockSkew,
    String groupsClaim,
    int maxTokenBytes,
    int cacheMaxEntries,
    Duration refetchInterval) {

  static final Set<JWSAlgorithm> SUPPORTED =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  JwtSettings {
    Objects.requireNonNull(issuer, "issuer");
    audiences = List.copyOf(audiences);
    algorithms = Set.copyOf(algorithms);
    if (audiences.isEmpty()) {
      throw new IllegalArgumentException("audiences must not be empty");
    }
    if (algorithms.isEmpty() || !SUPPORTED.containsAll(algorithms)) {
      throw new IllegalArgumentException(
          "algorithms must be a non-empty subset of " + SUPPORTED + " but was " + algorithms);
    }
    if (clockSkew.isNegative() || refetchInterval.isNegative()) {
      throw new IllegalArgumentException(
          "clockSkew and refetchInterval must not be negative but were "
              + clockSkew
              + " and "
              + refetchInterval);
    }
    if (maxTokenBytes < 64 || cacheMaxEntries < 0) {
      throw new IllegalArgumentException(
          "maxTokenBytes must be >= 64 and cacheMaxEntries >= 0 but were "
              + maxTokenBytes
              + " and "
              + cacheMaxEntries);
    }
  }
}
