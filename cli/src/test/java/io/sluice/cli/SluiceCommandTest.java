package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.sluice.gateway.Gateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SluiceCommandTest {
  @TempDir Path dir;
  final CapturedConsole console = new CapturedConsole();

  @Test
  void version_printsVersionAndJava() {
    assertThat(console.run("version")).isZero();
    assertThat(console.out()).startsWith("sluice 0.").contains("Java ");
  }

  @Test
  void serve_withInvalidConfig_exits2ListingEveryProblem() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "server:\n  port: -1\nlimits:\n  maxInFlight: none\nextra: 1\n");

    assertThat(console.run("serve", "--config", config.toString())).isEqualTo(2);
    assertThat(console.err())
        .contains("3 problems", "server.port:", "limits.maxInFlight:", "extra: unknown key");
  }

  @Test
  void serve_inDevelopmentMode_printsATokenThatPublishAccepts() throws Exception {
    Path config = dir.resolve("sluice.yaml");
    Files.writeString(config, "broker:\n  url: embedded:" + dir.resolve("data") + "\n");
    ServeCommand serve = new ServeCommand(Map.of());
    CommandLine cl = console.attach(new CommandLine(serve));
    cl.parseArgs("--config", config.toString(), "--port", "0");

    try (ServeCommand.Running running = serve.startServing()) {
      Gateway gateway = running.gateway();
      Matcher token = Pattern.compile("SLUICE_TOKEN=(\\S+)").matcher(console.out());
      assertThat(console.out()).contains("DEVELOPMENT MODE");
      assertThat(token.find()).isTrue();

      int code =
          console.run(
              "publish",
              "--url",
              gateway.baseUrl(),
              "--token",
              token.group(1),
              "orders.created",
              "{\"orderId\":42}");

      assertThat(code).as(console.err()).isZero();
      assertThat(console.out()).contains("202 {\"id\":", "\"subject\":\"orders.created\"");
      assertThat(
              console.run(
                  "publish", "--url", gateway.baseUrl(), "--token", "nope", "orders.x", "{}"))
          .isEqualTo(1);
      assertThat(console.out()).contains("401 ");
    }
  }

  @Test
  void publish_withoutToken_exits2SayingHowToGetOne() {
    CommandLine cl = console.attach(Sluice.commandLine());
    cl.setDefaultValueProvider(arg -> null);

    assertThat(cl.execute("publish", "orders.x", "{}")).isEqualTo(2);
    assertThat(console.err()).contains("SLUICE_TOKEN");
  }

  @Test
  void token_fromNewKeyFile_isSignedByThatKey() throws Exception {
    Path key = dir.resolve("key.json");
    assertThat(console.run("token", "--new-key", key.toString())).isZero();
    JWKSet jwks = JWKSet.parse(console.out().trim());
    console.clearOut();

    assertThat(
            console.run(
                "token",
                "--key-file",
                key.toString(),
                "--subject",
                "alice",
                "--claim",
                "tenant=acme"))
        .isZero();

    SignedJWT jwt = SignedJWT.parse(console.out().trim());
    assertThat(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeys().get(0)))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("tenant")).isEqualTo("acme");
    assertThat(jwks.toString()).doesNotContain("\"d\"");
  }

  @Test
  void token_withoutKey_explainsWhereDevTokensComeFrom() {
    assertThat(console.run("token")).isZero();
    assertThat(console.out()).contains("sluice serve", "--new-key");
  }

  @Test
  void policyExplain_developmentPolicy_allowsTheDevIdentity() {
    assertThat(console.run("policy", "explain", "--action", "publish", "--subject", "orders.x"))
        .isZero();
    assertThat(console.out()).startsWith("ALLOWED").contains("rule:", "development/allow[0]");
  }

  @Test
  void policyExplain_otherIssuer_isDeniedWithRule() {
    int code =
        console.run(
            "policy",
            "explain",
            "--action",
            "publish",
            "--subject",
            "orders.x",
            "--sub",
            "eve",
            "--issuer",
            "elsewhere",
            "--claims",
            "tenant=acme");

    assertThat(code).isEqualTo(1);
    assertThat(console.out()).startsWith("DENIED").contains("default-deny");
  }

  @Test
  void policyExplain_unknownAction_exits2() {
    assertThat(console.run("policy", "explain", "--action", "fly", "--subject", "x")).isEqualTo(2);
    assertThat(console.err()).contains("fly");
  }
}
