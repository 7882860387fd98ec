package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.sluice.gateway.Gateway;
import java.io.PrintWriter;
import java.io.StringWriter;
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
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = Sluice.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void version_printsVersionAndJava() {
    assertThat(run("version")).isZero();
    assertThat(out.toString()).startsWith("sluice 0.").contains("Java ");
  }

  @Test
  void serve_withInvalidConfig_exits2ListingEveryProblem() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "server:\n  port: -1\nlimits:\n  maxInFlight: none\nextra: 1\n");

    assertThat(run("serve", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("3 problems", "server.port:", "limits.maxInFlight:", "extra: unknown key");
  }

  @Test
  void serve_inDevelopmentMode_printsATokenThatPublishAccepts() throws Exception {
    Path config = dir.resolve("sluice.yaml");
    Files.writeString(config, "broker:\n  url: embedded:" + dir.resolve("data") + "\n");
    ServeCommand serve = new ServeCommand(Map.of());
    CommandLine cl = new CommandLine(serve);
    cl.setOut(new PrintWriter(out, true));
    cl.parseArgs("--config", config.toString(), "--port", "0");

    try (ServeCommand.Running running = serve.startServing()) {
      Gateway gateway = running.gateway();
      Matcher token = Pattern.compile("SLUICE_TOKEN=(\\S+)").matcher(out.toString());
      assertThat(out.toString()).contains("DEVELOPMENT MODE");
      assertThat(token.find()).isTrue();

      int code =
          run(
              "publish",
              "--url",
              gateway.baseUrl(),
              "--token",
              token.group(1),
              "orders.created",
              "{\"orderId\":42}");

      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString()).contains("202 {\"id\":", "\"subject\":\"orders.created\"");
      assertThat(run("publish", "--url", gateway.baseUrl(), "--token", "nope", "orders.x", "{}"))
          .isEqualTo(1);
      assertThat(out.toString()).contains("401 ");
    }
  }

  @Test
  void publish_withoutToken_exits2SayingHowToGetOne() {
    CommandLine cl = Sluice.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setDefaultValueProvider(arg -> null);

    assertThat(cl.execute("publish", "orders.x", "{}")).isEqualTo(2);
    assertThat(err.toString()).contains("SLUICE_TOKEN");
  }

  @Test
  void token_fromNewKeyFile_isSignedByThatKey() throws Exception {
    Path key = dir.resolve("key.json");
    assertThat(run("token", "--new-key", key.toString())).isZero();
    JWKSet jwks = JWKSet.parse(out.toString().trim());
    out.getBuffer().setLength(0);

    assertThat(
            run(
                "token",
                "--key-file",
                key.toString(),
                "--subject",
                "alice",
                "--claim",
                "tenant=acme"))
        .isZero();

    SignedJWT jwt = SignedJWT.parse(out.toString().trim());
    assertThat(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeys().get(0)))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("tenant")).isEqualTo("acme");
    assertThat(jwks.toString()).doesNotContain("\"d\"");
  }

  @Test
  void token_withoutKey_explainsWhereDevTokensComeFrom() {
    assertThat(run("token")).isZero();
    assertThat(out.toString()).contains("sluice serve", "--new-key");
  }

  @Test
  void policyExplain_developmentPolicy_allowsTheDevIdentity() {
    assertThat(run("policy", "explain", "--action", "publish", "--subject", "orders.x")).isZero();
    assertThat(out.toString()).startsWith("ALLOWED").contains("rule:", "development/allow[0]");
  }

  @Test
  void policyExplain_otherIssuer_isDeniedWithRule() {
    int code =
        run(
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
    assertThat(out.toString()).startsWith("DENIED").contains("default-deny");
  }

  @Test
  void policyExplain_unknownAction_exits2() {
    assertThat(run("policy", "explain", "--action", "fly", "--subject", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("fly");
  }
}
