package io.sluice.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.broker.AckMode;
import io.sluice.subject.Subject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static InvalidConfigException problemsOf(String yaml, Map<String, String> env) {
    return org.junit.jupiter.api.Assertions.assertThrows(
        InvalidConfigException.class, () -> ConfigLoader.parse(yaml, env));
  }

  @Test
  void emptyFile_givesDevelopmentDefaults() {
    GatewayConfig config = ConfigLoader.parse("", Map.of());

    assertThat(config.server().host()).isEqualTo("127.0.0.1");
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.broker().url()).isEqualTo("embedded:./sluice-data");
    assertThat(config.developmentMode()).isTrue();
    assertThat(config.publish().defaultAck()).isEqualTo(AckMode.DURABLE);
    assertThat(config.idempotency().ttl()).isEqualTo(Duration.ofHours(24));
    assertThat(config.logging().format()).isEqualTo("json");
  }

  @Test
  void severalBadKeys_areReportedTogetherByDottedName() {
    String yaml =
        """
        server:
          port: 99999
          colour: blue
        limits:
          maxBodyBytes: lots
          shutdownTimeout: forever
        publish:
          defaultAck: sometimes
        logging:
          format: xml
        brokr:
          url: "mem:"
        """;

    InvalidConfigException e = problemsOf(yaml, Map.of());

    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).startsWith("server.port:").contains("99999"))
        .anySatisfy(p -> assertThat(p).isEqualTo("server.colour: unknown key"))
        .anySatisfy(p -> assertThat(p).startsWith("limits.maxBodyBytes:").contains("lots"))
        .anySatisfy(p -> assertThat(p).startsWith("limits.shutdownTimeout:"))
        .anySatisfy(p -> assertThat(p).startsWith("publish.defaultAck:").contains("sometimes"))
        .anySatisfy(p -> assertThat(p).startsWith("logging.format:"))
        .anySatisfy(p -> assertThat(p).isEqualTo("brokr: unknown key"));
    assertThat(e.getMessage()).contains("7 problems");
  }

  @Test
  void environment_overridesFileValues() {
    GatewayConfig config =
        ConfigLoader.parse(
            "server:\n  port: 8080\n",
            Map.of(
                "SLUICE_SERVER_PORT", "9090",
                "SLUICE_LIMITS_RATE_LIMIT_PER_SECOND", "5.5",
                "SLUICE_BROKER_URL", "mem:",
                "PATH", "/usr/bin"));

    assertThat(config.server().port()).isEqualTo(9090);
    assertThat(config.limits().rateLimit().perSecond()).isEqualTo(5.5);
    assertThat(config.broker().url()).isEqualTo("mem:");
  }

  @Test
  void launcherVariables_areNotConfigurationProblems() {
    Map<String, String> env =
        Map.of(
            "SLUICE_HOME", "/opt/sluice",
            "SLUICE_OPTS", "-Xmx1g",
            "SLUICE_JAVA_OPTS", "-Xmx1g",
            "SLUICE_CDS", "off",
            "SLUICE_BUILD", "never");

    assertThat(ConfigLoader.parse("", env).server().port()).isEqualTo(8080);
  }

  @Test
  void unknownSluiceVariable_isReported() {
    InvalidConfigException e = problemsOf("", Map.of("SLUICE_SERVER_PROT", "1"));

    assertThat(e.problems())
        .containsExactly("SLUICE_SERVER_PROT: environment variable names no configuration key");
  }

  @Test
  void variableNames_followTheDocumentedMapping() {
    assertThat(EnvOverrides.variableFor("server.port")).isEqualTo("SLUICE_SERVER_PORT");
    assertThat(EnvOverrides.variableFor("limits.maxBodyBytes"))
        .isEqualTo("SLUICE_LIMITS_MAX_BODY_BYTES");
    assertThat(EnvOverrides.variableFor("server.tls.clientAuth"))
        .isEqualTo("SLUICE_SERVER_TLS_CLIENT_AUTH");
  }

  @Test
  void developmentMode_onNonLoopbackHost_refusesToStart() {
    InvalidConfigException e = problemsOf("server:\n  host: 0.0.0.0\n", Map.of());

    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("identity: required when server.host is not a loopback address")
        .contains("0.0.0.0");
  }

  @Test
  void identityConfigured_onAnyHost_isAccepted() {
    GatewayConfig config =
        ConfigLoader.parse(
            "server:\n  host: 0.0.0.0\nidentity:\n  jwt:\n    issuer: https://idp\n", Map.of());

    assertThat(config.developmentMode()).isFalse();
    assertThat(config.identity()).containsKey("jwt");
  }

  @Test
  void ackOverrides_applyFirstMatchingPattern() {
    GatewayConfig config =
        ConfigLoader.parse(
            "publish:\n  defaultAck: durable\n  ackOverrides:\n    metrics.>: none\n", Map.of());

    assertThat(config.publish().ackFor(Subject.of("metrics.cpu")))
        .isEqualTo(AckMode.FIRE_AND_FORGET);
    assertThat(config.publish().ackFor(Subject.of("orders.created"))).isEqualTo(AckMode.DURABLE);
  }

  @Test
  void badAckOverride_namesPatternKey() {
    InvalidConfigException e =
        problemsOf("publish:\n  ackOverrides:\n    'a..b': none\n    ok.>: often\n", Map.of());

    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).startsWith("publish.ackOverrides.a..b:"))
        .anySatisfy(p -> assertThat(p).startsWith("publish.ackOverrides.ok.>:"));
  }

  @Test
  void tlsKeyWithoutCert_isAProblem() {
    InvalidConfigException e = problemsOf("server:\n  tls:\n    key: k.pem\n", Map.of());

    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("server.tls:"));
  }

  @Test
  void invalidYaml_isReportedNotThrownRaw() {
    InvalidConfigException e = problemsOf("server: [unclosed", Map.of());

    assertThat(e.problems()).singleElement().asString().startsWith("(root): not valid YAML");
  }

  @Test
  void load_readsFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sluice.yaml");
    Files.writeString(file, "server:\n  port: 7070\n");

    assertThat(ConfigLoader.load(file, Map.of()).server().port()).isEqualTo(7070);
  }

  @Test
  void load_missingFile_saysWhichFile(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("nope.yaml");
  }

  @Test
  void badIdentityAndPolicySections_areReportedWithTheOtherKeys() {
    String yaml =
        """
        server:
          port: nope
        identity:
          jwt:
            issuer: not a url
        policy:
          roles:
            writer:
              allow:
                - {actions: [fly], subjects: ["orders.>"]}
        """;

    InvalidConfigException e = problemsOf(yaml, Map.of());

    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).startsWith("server.port:"))
        .anySatisfy(p -> assertThat(p).startsWith("identity.jwt"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.roles.writer"));
  }
}
