package io.sluice.gateway.policy;

import static io.sluice.gateway.policy.PolicyFixtures.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in a policy is reported together, naming the key. */
class PolicyConfigTest {

  @Test
  void everyMistake_isReportedWithItsPath() {
    List<String> problems =
        problemsOf(
            """
            roles:
              writer:
                allow:
                  - actions: [publish, pubish]
                    subjects: ["orders.>.x", "tenants.{claims.tenant", "users.{secret}.x"]
                    colour: red
                deny:
                  - subjects: ["a"]
            bindings:
              - {role: wirter, group: writers}
              - {role: writer, group: a, apiKey: b}
              - {role: writer}
            """);

    assertThat(problems)
        .contains(
            "policy.roles.writer.allow[0].colour: unknown key; expected one of actions, subjects",
            "policy.roles.writer.allow[0].actions: must hold only publish, subscribe, request or"
                + " admin but held 'pubish'",
            "policy.roles.writer.deny[0].actions: is required",
            "policy.bindings[0].role: unknown role 'wirter'; defined roles are [writer]",
            "policy.bindings[1].claim: a binding needs exactly one of claim, group, apiKey,"
                + " certificate, subject, anyAuthenticated but had group, apiKey",
            "policy.bindings[2].claim: a binding needs exactly one of claim, group, apiKey,"
                + " certificate, subject, anyAuthenticated but had none")
        .anyMatch(p -> p.startsWith("policy.roles.writer.allow[0].subjects: 'orders.>.x' is not"))
        .anyMatch(
            p -> p.startsWith("policy.roles.writer.allow[0].subjects: 'tenants.{claims.tenant'"))
        .anyMatch(p -> p.contains("unknown variable {secret}"));
  }

  @Test
  void missingRoles_isAProblem() {
    assertThat(problemsOf("bindings: []")).containsExactly("policy.roles: is required");
  }

  @Test
  void fileAndInlineRoles_together_isAProblem() {
    assertThat(problemsOf("{file: p.yaml, roles: {}}"))
        .contains("policy.roles: unknown key; expected one of file");
  }

  @Test
  void missingFile_isAProblem() {
    List<String> problems = new ArrayList<>();

    assertThat(Policies.fromConfig(Map.of("file", "/no/such/policy.yaml"), problems)).isNull();
    assertThat(problems)
        .containsExactly("policy.file: cannot read '/no/such/policy.yaml': NoSuchFileException");
  }

  @Test
  void brokenFile_problemsNameTheFile(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(dir.resolve("policy.yaml"), "roles: {w: {allow: [{actions: [x]}]}}");
    List<String> problems = new ArrayList<>();

    assertThat(Policies.fromConfig(Map.of("file", file.toString()), problems)).isNull();
    assertThat(problems)
        .containsExactly(
            "policy[policy.yaml].roles.w.allow[0].actions: must hold only publish, subscribe,"
                + " request or admin but held 'x'",
            "policy[policy.yaml].roles.w.allow[0].subjects: is required");
  }
}
