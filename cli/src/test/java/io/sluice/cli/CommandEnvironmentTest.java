package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Offline commands read a configuration with the environment {@code sluice serve} would see. */
class CommandEnvironmentTest {
  static final Map<String, String> ENV = Map.of("BILLING_HOOK_SECRET", "0123456789abcdef-secret");

  @TempDir Path dir;
  final CapturedConsole console = new CapturedConsole();
  Path config;

  @BeforeEach
  void writeConfigWithAnEnvSecret() throws Exception {
    config = dir.resolve("sluice.yaml");
    Files.writeString(
        config,
        """
        push:
          subscriptions:
            - name: billing
              pattern: "orders.>"
              endpoint: https://billing.example/hooks/orders
              secret: env:BILLING_HOOK_SECRET
              owner: {id: billing-service}
        """);
  }

  int run(Object command, String... args) {
    return console.attach(new CommandLine(command)).execute(args);
  }

  @Test
  void policyExplain_withEnvSecretSet_loadsTheConfig() {
    int code =
        run(
            new PolicyCommand.Explain(ENV),
            "--config",
            config.toString(),
            "--action",
            "publish",
            "--subject",
            "orders.x");

    assertThat(code).as(console.err()).isZero();
    assertThat(console.out()).startsWith("ALLOWED");
  }

  @Test
  void policyExplain_withEnvSecretUnset_namesTheVariable() {
    int code =
        run(
            new PolicyCommand.Explain(Map.of()),
            "--config",
            config.toString(),
            "--action",
            "publish",
            "--subject",
            "orders.x");

    assertThat(code).isEqualTo(2);
    assertThat(console.err()).contains("BILLING_HOOK_SECRET is not set");
  }

  @Test
  void openApi_withEnvSecretSet_printsTheDocument() {
    assertThat(run(new ApiDocumentCommands.OpenApi(ENV), "--config", config.toString()))
        .as(console.err())
        .isZero();
    assertThat(console.out()).contains("\"openapi\"");
  }

  @Test
  void asyncApi_withEnvSecretSet_printsTheDocument() {
    assertThat(run(new ApiDocumentCommands.AsyncApi(ENV), "--config", config.toString()))
        .as(console.err())
        .isZero();
    assertThat(console.out()).contains("\"asyncapi\"");
    assertThat(console.out()).doesNotContain("0123456789abcdef-secret");
  }

  @Test
  void asyncApi_withEnvSecretUnset_namesTheVariable() {
    assertThat(run(new ApiDocumentCommands.AsyncApi(Map.of()), "--config", config.toString()))
        .isEqualTo(2);
    assertThat(console.err()).contains("BILLING_HOOK_SECRET is not set");
  }
}
