package io.sluice.testkit.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the contracts module's {@code check-documents.js} (the official {@code @asyncapi/parser} 3.x
 * and Spectral's {@code spectral:oas} ruleset) over an AsyncAPI and an OpenAPI document. The tools
 * are installed with npm into the calling module's {@code target/node} on first use; Node.js 20 and
 * npm must be on the PATH.
 */
public final class OfficialDocumentCheck {
  private static final Path NODE_DIR = Path.of("target", "node").toAbsolutePath();
  private static final Path SCRIPT =
      Path.of("contracts", "src", "test", "node", "check-documents.js");

  private record Result(int exit, String output) {}

  private OfficialDocumentCheck() {}

  /**
   * Writes both documents under {@code target/api-docs/<name>}, checks them and returns the
   * checker's output; fails if either document has an error.
   */
  public static String check(String name, String asyncApiJson, String openApiJson)
      throws IOException, InterruptedException {
    Path script = script();
    installTools();
    Path out = Files.createDirectories(Path.of("target", "api-docs", name).toAbsolutePath());
    Path asyncFile = Files.writeString(out.resolve("asyncapi.json"), asyncApiJson);
    Path openFile = Files.writeString(out.resolve("openapi.json"), openApiJson);
    Result result =
        run(
            out,
            180,
            "node",
            script.toString(),
            NODE_DIR.resolve("node_modules").toString(),
            asyncFile.toString(),
            openFile.toString());
    assertThat(result.exit()).as("document check failed:%n%s", result.output()).isZero();
    assertThat(result.output()).contains("\"asyncapiErrors\":0,\"openapiErrors\":0");
    return result.output();
  }

  private static void installTools() throws IOException, InterruptedException {
    require("node", "Node.js 20 (https://nodejs.org or `apt-get install nodejs`)");
    require("npm", "npm (ships with Node.js)");
    if (Files.isDirectory(NODE_DIR.resolve("node_modules/@asyncapi/parser"))
        && Files.isDirectory(NODE_DIR.resolve("node_modules/@stoplight/spectral-cli"))) {
      return;
    }
    Files.createDirectories(NODE_DIR);
    Files.writeString(
        NODE_DIR.resolve("package.json"),
        "{\"name\": \"sluice-document-check\", \"private\": true}");
    Result install =
        run(
            NODE_DIR,
            300,
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "@asyncapi/parser@3",
            "@stoplight/spectral-cli@6");
    assertThat(install.exit()).as("npm install failed:%n%s", install.output()).isZero();
  }

  private static void require(String tool, String install) throws InterruptedException {
    try {
      Result version = run(Path.of("."), 30, tool, "--version");
      assertThat(version.exit()).as("%s --version failed: %s", tool, version.output()).isZero();
    } catch (IOException e) {
      throw new AssertionError(
          tool + " is not on the PATH; install " + install + " to check the API documents", e);
    }
  }

  /** The checker script, found from the module folder the tests run in. */
  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SCRIPT);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(SCRIPT + " not found above " + Path.of("").toAbsolutePath());
  }

  private static Result run(Path dir, int timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          String.join(" ", command) + " did not finish in " + timeoutSeconds + "s");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
