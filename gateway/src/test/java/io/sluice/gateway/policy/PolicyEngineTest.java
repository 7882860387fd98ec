package io.sluice.gateway.policy;

import static io.sluice.gateway.policy.PolicyFixtures.apiKey;
import static io.sluice.gateway.policy.PolicyFixtures.certificate;
import static io.sluice.gateway.policy.PolicyFixtures.inline;
import static io.sluice.gateway.policy.PolicyFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.identity.Identity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyEngineTest {
  static final String POLICY =
      """
      roles:
        writer:
          allow:
            - actions: [publish, request]
              subjects: ["orders.>", "tenants.{claims.tenant}.>", "users.{identity.id}.inbox"]
            - actions: [subscribe]
              subjects: ["orders.>", "tenants.{claims.tenant}.events.*"]
          deny:
            - actions: [publish, subscribe]
              subjects: ["orders.internal.>", "tenants.{claims.tenant}.restricted.>"]
        global-writer:
          allow:
            - actions: [publish]
              subjects: ["tenants.>"]
        auditor:
          allow:
            - actions: [subscribe]
              subjects: ["audit.>"]
        admin:
          allow:
            - actions: [admin]
              subjects: ["policy.explain"]
      bindings:
        - {role: writer, group: writers}
        - {role: global-writer, group: global}
        - {role: auditor, claim: {name: scope, value: audit}}
        - {roles: [writer], apiKey: ci-bot}
        - {role: auditor, certificate: svc-audit}
        - {role: admin, subject: root}
      """;

  private final PolicySource policy = inline(POLICY);
  private final Identity writer = user("alice", Map.of("tenant", "acme"), "writers");

  @Test
  void publish_onAllowedSubject_isAllowedByTheMatchingRule() {
    Decision d = decide(writer, Action.PUBLISH, "orders.eu.42");

    assertThat(d.allowed()).isTrue();
    assertThat(d.rule()).isEqualTo("writer/allow[0]: publish orders.>");
    assertThat(d.policyVersion()).isEqualTo(policy.version()).matches("[0-9a-f]{12}");
  }

  @Test
  void publish_onDeniedSubject_denyWinsOverAllow() {
    Decision d = decide(writer, Action.PUBLISH, "orders.internal.ledger");

    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo("writer/deny[0]: publish orders.internal.>");
    assertThat(d.reason()).isEqualTo("role 'writer' denies publish on 'orders.internal.ledger'");
  }

  @Test
  void publish_withNoMatchingAllow_isDeniedByDefault() {
    Decision d = decide(writer, Action.PUBLISH, "payments.1");

    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo("default-deny");
  }

  @Test
  void identityWithoutRoles_isDeniedByDefault() {
    Decision d = decide(user("bob", Map.of()), Action.PUBLISH, "orders.1");

    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo("default-deny");
    assertThat(d.reason()).isEqualTo("no role is bound to this identity");
  }

  @Test
  void actionNotListed_isDeniedByDefault() {
    assertThat(decide(writer, Action.REQUEST, "orders.1").allowed()).isTrue();
    assertThat(decide(writer, Action.ADMIN, "orders.1").rule()).isEqualTo("default-deny");
  }

  @Test
  void claimTemplate_allowsOnlyTheCallersTenant() {
    assertThat(decide(writer, Action.PUBLISH, "tenants.acme.orders.1").allowed()).isTrue();
    assertThat(decide(writer, Action.PUBLISH, "tenants.globex.orders.1").allowed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme.globex", "*", ">", "acme globex", "", "acme\tx", "{claims.x}"})
  void claimTemplate_withHostileValue_neverMatches(String tenant) {
    Identity hostile = user("mallory", Map.of("tenant", tenant), "writers");

    for (String target : List.of("tenants.globex.orders.1", "tenants.acme.globex.x", "tenants.x")) {
      Decision d = decide(hostile, Action.PUBLISH, target);
      assertThat(d.allowed()).as("publish %s with tenant '%s'", target, tenant).isFalse();
    }
    assertThat(decide(hostile, Action.SUBSCRIBE, "tenants.*.events.*").allowed()).isFalse();
    assertThat(decide(hostile, Action.SUBSCRIBE, "tenants.>").allowed()).isFalse();
  }

  @Test
  void claimTemplate_withMissingOrNonTextClaim_neverMatches() {
    Identity noTenant = user("carol", Map.of(), "writers");
    Identity listTenant = user("dave", Map.of("tenant", List.of("acme")), "writers");

    assertThat(decide(noTenant, Action.PUBLISH, "tenants.acme.x").rule()).isEqualTo("default-deny");
    assertThat(decide(listTenant, Action.PUBLISH, "tenants.acme.x").rule())
        .isEqualTo("default-deny");
  }

  @Test
  void identityTemplate_withDotsInTheId_cannotReachAnotherInbox() {
    Identity dotted = user("bob.inbox.x", Map.of(), "writers");

    assertThat(
            decide(user("bob", Map.of(), "writers"), Action.PUBLISH, "users.bob.inbox").allowed())
        .isTrue();
    assertThat(decide(dotted, Action.PUBLISH, "users.bob.inbox.x.inbox").allowed()).isFalse();
  }

  @Test
  void denyTemplate_withHostileClaim_treatsTheTokenAsAnyAndStillDenies() {
    Identity hostile = user("mallory", Map.of("tenant", "a.b"), "writers", "global");
    Identity honest = user("erin", Map.of("tenant", "acme"), "writers", "global");

    assertThat(decide(hostile, Action.PUBLISH, "tenants.globex.restricted.x").rule())
        .isEqualTo("writer/deny[0]: publish tenants.{claims.tenant}.restricted.>");
    assertThat(decide(honest, Action.PUBLISH, "tenants.globex.restricted.x").allowed()).isTrue();
    assertThat(decide(honest, Action.PUBLISH, "tenants.acme.restricted.x").allowed()).isFalse();
  }

  @Test
  void subscribe_toPatternWithinAnAllowedPattern_isAllowed() {
    assertThat(decide(writer, Action.SUBSCRIBE, "orders.eu.>").allowed()).isTrue();
    assertThat(decide(writer, Action.SUBSCRIBE, "tenants.acme.events.*").allowed()).isTrue();
    assertThat(decide(writer, Action.SUBSCRIBE, "tenants.acme.events.x").allowed()).isTrue();
  }

  @Test
  void subscribe_toPatternWiderThanAllowed_isDenied() {
    assertThat(decide(writer, Action.SUBSCRIBE, "*.eu").rule()).isEqualTo("default-deny");
    assertThat(decide(writer, Action.SUBSCRIBE, "tenants.acme.events.>").rule())
        .isEqualTo("default-deny");
    assertThat(decide(writer, Action.SUBSCRIBE, "tenants.*.events.*").rule())
        .isEqualTo("default-deny");
  }

  @Test
  void subscribe_toPatternOverlappingADeny_isDenied() {
    Decision d = decide(writer, Action.SUBSCRIBE, "orders.*.ledger");
    Decision everything = decide(writer, Action.SUBSCRIBE, ">");

    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo("writer/deny[0]: subscribe orders.internal.>");
    assertThat(everything.allowed()).isFalse();
    assertThat(decide(writer, Action.SUBSCRIBE, "orders.>").allowed()).isFalse();
    assertThat(decide(writer, Action.SUBSCRIBE, "orders.eu.*").allowed()).isTrue();
  }

  @Test
  void publish_toAPattern_isAnInvalidTarget() {
    Decision d = decide(writer, Action.PUBLISH, "orders.*");

    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo("invalid-target");
  }

  @Test
  void bindings_byApiKeyCertificateListClaimAndSubject() {
    Identity listClaim = user("zed", Map.of("scope", List.of("read", "audit")));

    assertThat(decide(apiKey("ci-bot"), Action.PUBLISH, "orders.1").allowed()).isTrue();
    assertThat(decide(apiKey("other"), Action.PUBLISH, "orders.1").allowed()).isFalse();
    assertThat(
            decide(certificate("svc-audit", "CN=svc-audit"), Action.SUBSCRIBE, "audit.>").allowed())
        .isTrue();
    assertThat(decide(listClaim, Action.SUBSCRIBE, "audit.logins").allowed()).isTrue();
    assertThat(decide(user("root", Map.of()), Action.ADMIN, "policy.explain").allowed()).isTrue();
    assertThat(decide(apiKey("root"), Action.ADMIN, "policy.explain").allowed()).isFalse();
  }

  @Test
  void anyAuthenticated_bindsEveryIdentity() {
    PolicySource open =
        inline(
            """
            roles:
              reader: {allow: [{actions: [subscribe], subjects: ["public.>"]}]}
            bindings:
              - {role: reader, anyAuthenticated: true}
            """);

    assertThat(open.current().decide(apiKey("x"), Action.SUBSCRIBE, "public.*").allowed()).isTrue();
    assertThat(open.current().decide(apiKey("x"), Action.PUBLISH, "public.a").allowed()).isFalse();
  }

  @Test
  void explain_saysPerRoleWhichRuleDecided() {
    Identity both = user("alice", Map.of("tenant", "acme", "scope", "audit"), "writers");

    Explanation e = policy.explain(both, Action.SUBSCRIBE, "audit.logins");

    assertThat(e.decision().allowed()).isTrue();
    assertThat(e.decision().rule()).isEqualTo("auditor/allow[0]: subscribe audit.>");
    assertThat(e.roles())
        .containsExactly(
            new Explanation.RoleVerdict("writer", "bindings[0]: group writers", "no-match", "none"),
            new Explanation.RoleVerdict(
                "auditor",
                "bindings[2]: claim scope=audit",
                "allow",
                "auditor/allow[0]: subscribe audit.>"));
  }

  @Test
  void explain_ofADenial_namesTheDenyRule() {
    Explanation e = policy.explain(writer, Action.PUBLISH, "orders.internal.x");

    assertThat(e.roles())
        .singleElement()
        .extracting(Explanation.RoleVerdict::verdict, Explanation.RoleVerdict::rule)
        .containsExactly("deny", "writer/deny[0]: publish orders.internal.>");
    assertThat(e.decision()).isEqualTo(decide(writer, Action.PUBLISH, "orders.internal.x"));
  }

  @Test
  void version_dependsOnContentOnly() {
    assertThat(inline(POLICY).version()).isEqualTo(policy.version());
    assertThat(inline(POLICY.replace("audit.>", "audit.*")).version())
        .isNotEqualTo(policy.version());
  }

  @Test
  void developmentPolicy_allowsEverythingForTheDevSubjectOnly() {
    PolicySource dev = Policies.development("dev");

    assertThat(dev.current().decide(user("dev", Map.of()), Action.SUBSCRIBE, ">").allowed())
        .isTrue();
    assertThat(
            dev.current().decide(user("dev", Map.of()), Action.ADMIN, "policy.explain").allowed())
        .isTrue();
    assertThat(dev.current().decide(user("eve", Map.of()), Action.PUBLISH, "a").allowed())
        .isFalse();
  }

  private Decision decide(Identity identity, Action action, String target) {
    return policy.current().decide(identity, action, target);
  }
}
