package io.sluice.gateway.policy;

import io.sluice.gateway.identity.internal.ConfigSection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link PolicySource} from the {@code policy} section of the config. */
public final class Policies {
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  private Policies() {}

  /**
   * Reads {@code {file: path}} (reloaded on change) or inline {@code {roles: ..., bindings: ...}}.
   * Every problem is added to {@code problems} as {@code "policy.roles.ops.allow[0].actions: ..."}.
   *
   * @return the source, or null when {@code problems} received anything
   */
  public static PolicySource fromConfig(Map<String, Object> policySection, List<String> problems) {
    return fromConfig(policySection, problems, POLL_INTERVAL);
  }

  static PolicySource fromConfig(
      Map<String, Object> policySection, List<String> problems, Duration pollInterval) {
    Optional<ConfigSection> section = ConfigSection.of("policy", policySection, problems);
    if (section.isEmpty()) {
      return null;
    }
    if (!section.get().has("file")) {
      return PolicyFile.compileInline(policySection, problems)
          .map(FixedPolicySource::new)
          .orElse(null);
    }
    section.get().allowOnly("file");
    Optional<Path> file = section.get().string("file").map(Path::of);
    Optional<CompiledPolicy> initial = file.flatMap(f -> PolicyFile.load(f, problems));
    if (initial.isEmpty()) {
      return null;
    }
    return new WatchedPolicySource(file.get(), initial.get(), pollInterval);
  }

  /**
   * The development policy: the identity {@code subject} (a token's {@code sub}) may publish,
   * subscribe, request and use admin endpoints on every subject.
   */
  public static PolicySource development(String subject) {
    Map<String, Object> section =
        Map.of(
            "roles",
            Map.of(
                "developer",
                Map.of(
                    "allow",
                    List.of(
                        Map.of(
                            "actions", List.of("publish", "subscribe", "request", "admin"),
                            "subjects", List.of(">"))))),
            "bindings",
            List.of(Map.of("role", "developer", "subject", subject)));
    List<String> problems = new java.util.ArrayList<>();
    PolicySource source = fromConfig(section, problems);
    if (source == null) {
      throw new IllegalArgumentException("invalid development subject: " + problems);
    }
    return source;
  }
}
