package io.sluice.gateway.identity;

import io.sluice.gateway.identity.internal.ConfigSection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    return fromConfig(identitySection, problems, Clock.systemUTC());
  }

  /** As {@link #fromConfig(Map, List)} with the clock that decides expiry and key refetches. */
  public static Authenticator fromConfig(
      Map<String, Object> identitySection, List<String> problems, Clock clock) {
    int before = problems.size();
    Optional<ConfigSection> section = ConfigSection.of("identity", identitySection, problems);
    if (section.isEmpty()) {
      return null;
    }
    ConfigSection identity = section.get();
    identity.allowOnly("jwt", "apiKeys", "mtls");
    Optional<JwtConfig.Setup> jwt =
        identity.section("jwt").flatMap(j -> JwtConfig.read(j, problems));
    List<ApiKeyAuthenticator.Entry> keys = apiKeys(identity);
    Optional<CertificateSubject> mtls = identity.section("mtls").flatMap(Authenticators::mtls);
    if (!identity.has("jwt") && !identity.has("apiKeys") && !identity.has("mtls")) {
      problems.add("identity: must configure at least one of jwt, apiKeys or mtls");
    }
    if (problems.size() > before) {
      return null;
    }
    return new CredentialRouter(
        jwt.map(j -> j.build(clock)).orElse(null),
        identity.has("apiKeys") ? new ApiKeyAuthenticator(keys) : null,
        mtls.map(MtlsAuthenticator::new).orElse(null));
  }

  private static List<ApiKeyAuthenticator.Entry> apiKeys(ConfigSection identity) {
    List<ApiKeyAuthenticator.Entry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ConfigSection key : identity.sections("apiKeys")) {
      key.allowOnly("id", "hash", "roles", "groups");
      Optional<String> id = key.requiredString("id");
      Optional<String> hash = key.requiredString("hash").filter(h -> isHash(key, h));
      id.filter(i -> !ids.add(i))
          .ifPresent(i -> key.problem("id", "duplicate API key id '" + i + "'"));
      if (id.isPresent() && hash.isPresent()) {
        entries.add(
            new ApiKeyAuthenticator.Entry(
                id.get(),
                ApiKeys.digestOf(hash.get()),
                key.stringOrList("roles"),
                Set.copyOf(key.stringOrList("groups"))));
      }
    }
    return entries;
  }

  private static boolean isHash(ConfigSection key, String hash) {
    if (ApiKeys.isHash(hash)) {
      return true;
    }
    key.problem("hash", "must be 'sha256:' followed by 64 hex digits (see ApiKeys.hash)");
    return false;
  }

  private static Optional<CertificateSubject> mtls(ConfigSection mtls) {
    mtls.allowOnly("subjectFrom");
    String from = mtls.string("subjectFrom").orElse("cn");
    Optional<CertificateSubject> subject = CertificateSubject.fromConfig(from);
    if (subject.isEmpty()) {
      mtls.problem(
          "subjectFrom",
          "must be one of "
              + CertificateSubject.configNames()
              + " but was "
              + ConfigSection.describe(from));
    }
    return subject;
  }
}
