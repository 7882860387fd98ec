package io.sluice.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.gateway.identity.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Policies from YAML text, and identities to ask about. */
final class PolicyFixtures {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PolicyFixtures() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String text) {
    try {
      return YAML.readValue(text, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PolicySource inline(String yaml) {
    List<String> problems = new ArrayList<>();
    PolicySource source = Policies.fromConfig(yaml(yaml), problems);
    assertThat(problems).isEmpty();
    return source;
  }

  static List<String> problemsOf(String yaml) {
    List<String> problems = new ArrayList<>();
    PolicySource source = Policies.fromConfig(yaml(yaml), problems);
    assertThat(source).isNull();
    return problems;
  }

  static Identity user(String id, Map<String, Object> claims, String... groups) {
    return new Identity(
        "jwt", id, "https://id.example.test", claims, Set.of(groups), Long.MAX_VALUE);
  }

  static Identity apiKey(String id) {
    return new Identity("apikey", id, "sluice", Map.of(), Set.of(), Long.MAX_VALUE);
  }

  static Identity certificate(String id, String dn) {
    return new Identity(
        "mtls", id, "sluice", Map.of("certificateSubject", dn), Set.of(), Long.MAX_VALUE);
  }
}
