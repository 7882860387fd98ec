package io.sluice.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.broker.AckMode;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generates both documents and has the official tools check them: {@code @asyncapi/parser} 3.x and
 * Spectral's OpenAPI ruleset, installed with npm into {@code target/node}.
 */
class GeneratedDocumentsTest {
  static final Path NODE_DIR = Path.of("target", "node").toAbsolutePath();
  static final Path SCRIPT = Path.of("src", "test", "node", "check-documents.js").toAbsolutePath();
  static final ServerInfo SERVER =
      new ServerInfo(
          "Sluice gateway",
          "1.0.0",
          "events.example.com:8443",
          true,
          "Publish and subscribe to events over HTTP.");

  record Customer(String name, String email) {}

  record OrderPlaced(java.util.UUID orderId, Customer customer, List<String> skus) {}

  static AsyncApiDocument asyncApi(EnvelopeMode mode) {
    var schemas =
        List.of(
            new RegisteredSchema("order.placed", 1, RecordSchemas.json(OrderPlaced.class)),
            new RegisteredSchema("order.shipped", 2, ValidationTest.ORDER));
    var channels =
        List.of(
            new ChannelDescription(
                SubjectPattern.of("orders.>"),
                AckMode.DURABLE,
                Optional.of("ORDERS"),
                true,
                true,
                List.of("order.placed", "order.shipped")),
            new ChannelDescription(
                SubjectPattern.of("audit.*"),
                AckMode.FIRE_AND_FORGET,
                Optional.empty(),
                false,
                true,
                List.of()));
    return AsyncApiDocument.generate(
        new AsyncApiInputs(
            SERVER,
            channels,
            schemas,
            Set.of(SecurityScheme.BEARER_JWT, SecurityScheme.API_KEY, SecurityScheme.MTLS),
            mode));
  }

  static OpenApiDocument openApi() {
    String event =
        "{\"type\": \"object\", \"required\": [\"type\"],"
            + " \"properties\": {\"type\": {\"type\": \"string\"}}}";
    String receipt =
        "{\"type\": \"object\", \"properties\": {\"stream\": {\"type\": \"string\"},"
            + " \"sequence\": {\"type\": \"integer\"}}}";
    return OpenApiDocument.generate(
        SERVER,
        List.of(
            RouteDescription.of(
                    "POST",
                    "/v1/events/{subject}",
                    "Publish one event",
                    ResponseDescription.json(202, "Published", receipt),
                    ResponseDescription.problem(400, "The event is invalid"),
                    ResponseDescription.problem(401, "Not authenticated"),
                    ResponseDescription.problem(403, "Not allowed on this subject"))
                .accepting(event, "application/cloudevents+json", "application/json")
                .securedBy(SecurityScheme.BEARER_JWT, SecurityScheme.API_KEY),
            RouteDescription.of(
                "GET", "/health/live", "Liveness", ResponseDescription.empty(200, "Alive"))));
  }

  @BeforeAll
  static void installTools() throws Exception {
    require("node", "Node.js 20 (https://nodejs.org or `apt-get install nodejs`)");
    require("npm", "npm (ships with Node.js)");
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@asyncapi/parser"))
        || !Files.isDirectory(NODE_DIR.resolve("node_modules/@stoplight/spectral-cli"))) {
      Files.createDirectories(NODE_DIR);
      Files.writeString(
          NODE_DIR.resolve("package.json"),
          "{\"name\": \"sluice-contract-check\", \"private\": true}");
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
  }

  @Test
  void officialTools_findNoErrorsInEitherDocument_structuredMode() throws Exception {
    check(asyncApi(EnvelopeMode.STRUCTURED), "structured");
  }

  @Test
  void officialTools_findNoErrorsInEitherDocument_binaryMode() throws Exception {
    check(asyncApi(EnvelopeMode.BINARY), "binary");
  }

  private static void check(AsyncApiDocument asyncApi, String name) throws Exception {
    Path out = Files.createDirectories(Path.of("target", "api-docs").toAbsolutePath());
    Path asyncFile = Files.writeString(out.resolve("asyncapi-" + name + ".json"), asyncApi.json());
    Path openFile = Files.writeString(out.resolve("openapi.json"), openApi().json());
    Result result =
        run(
            out,
            180,
            "node",
            SCRIPT.toString(),
            NODE_DIR.resolve("node_modules").toString(),
            asyncFile.toString(),
            openFile.toString());
    System.out.println(result.output());
    assertThat(result.exit()).as("document check failed:%n%s", result.output()).isZero();
    assertThat(result.output()).contains("\"asyncapiErrors\":0,\"openapiErrors\":0");
  }

  @Test
  void asyncApi_hasAChannelPerPatternAndInlinesEverySchema() {
    JsonNode doc = asyncApi(EnvelopeMode.STRUCTURED).node();
    assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(doc.at("/channels/orders_all/address").asText()).isEqualTo("orders.>");
    assertThat(doc.at("/channels/orders_all/x-sluice-ack-mode").asText()).isEqualTo("durable");
    assertThat(doc.at("/operations/publish_orders_all/action").asText()).isEqualTo("receive");
    assertThat(doc.at("/operations/subscribe_audit_any/action").asText()).isEqualTo("send");
    assertThat(doc.has("operations") && doc.get("operations").has("publish_audit_any")).isFalse();
    assertThat(
            doc.at(
                    "/components/messages/order_placed_v1/payload/properties/data/properties"
                        + "/customer/properties/email/type")
                .asText())
        .isEqualTo("string");
    assertThat(
            doc.at("/components/messages/order_placed_v1/payload/properties/type/const").asText())
        .isEqualTo("order.placed");
    assertThat(refs(doc)).allSatisfy(ref -> assertThat(ref).startsWith("#/"));
  }

  @Test
  void asyncApi_binaryMode_putsAttributesInHeaders() {
    JsonNode message =
        asyncApi(EnvelopeMode.BINARY).node().at("/components/messages/order_placed_v1");
    assertThat(message.at("/headers/properties/ce-type/const").asText()).isEqualTo("order.placed");
    assertThat(message.at("/payload/properties/orderId/format").asText()).isEqualTo("uuid");
  }

  @Test
  void openApi_describesRoutesParametersProblemsAndSecurity() {
    JsonNode doc = openApi().node();
    JsonNode publish = doc.at("/paths/~1v1~1events~1{subject}/post");
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(publish.at("/parameters/0/name").asText()).isEqualTo("subject");
    assertThat(publish.at("/requestBody/content").fieldNames())
        .toIterable()
        .containsExactly("application/cloudevents+json", "application/json");
    assertThat(publish.at("/responses/403/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(publish.at("/security")).hasSize(2);
    assertThat(doc.at("/components/securitySchemes/bearerJwt/scheme").asText()).isEqualTo("bearer");
  }

  private static List<String> refs(JsonNode node) {
    List<String> refs = new ArrayList<>();
    node.findValues("$ref").forEach(r -> refs.add(r.asText()));
    return refs;
  }

  record Result(int exit, String output) {}

  private static void require(String tool, String install) throws Exception {
    try {
      Result version = run(Path.of("."), 30, tool, "--version");
      assertThat(version.exit()).as("%s --version failed: %s", tool, version.output()).isZero();
    } catch (IOException e) {
      throw new AssertionError(
          tool
              + " is not on the PATH; install "
              + install
              + " to check the generated AsyncAPI and OpenAPI documents",
          e);
    }
  }

  private static Result run(Path dir, int timeoutSeconds, String... command) throws Exception {
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
