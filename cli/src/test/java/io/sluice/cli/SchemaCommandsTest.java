package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice schema check|export}, {@code sluice asyncapi} and {@code sluice openapi}. */
class SchemaCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String V1 =
      "{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"type\":"
          + " \"string\"}}}";
  static final String V2_OPTIONAL =
      "{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"type\":"
          + " \"string\"}, \"note\": {\"type\": \"string\"}}}";
  static final String V2_REQUIRED =
      "{\"type\": \"object\", \"required\": [\"id\", \"tenant\"], \"properties\": {\"id\":"
          + " {\"type\": \"string\"}, \"tenant\": {\"type\": \"string\"}}}";

  @TempDir Path dir;
  final CapturedConsole console = new CapturedConsole();

  Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  /** Runs {@code sluice schema check --mode backward} on the two schemas, written to files. */
  int checkBackward(String oldSchema, String newSchema) throws Exception {
    return console.run(
        "schema",
        "check",
        "--old",
        file("a.json", oldSchema).toString(),
        "--new",
        file("b.json", newSchema).toString(),
        "--mode",
        "backward");
  }

  @Test
  void schemaCheck_compatibleChange_exits0() throws Exception {
    int exit = checkBackward(V1, V2_OPTIONAL);

    assertThat(exit).isZero();
    assertThat(console.out()).contains("compatible under backward");
  }

  @Test
  void schemaCheck_breakingChange_exits1WithTheReport() throws Exception {
    int exit = checkBackward(V1, V2_REQUIRED);

    assertThat(exit).isEqualTo(1);
    assertThat(console.err())
        .contains("1 breaking change(s) under backward", "FIELD_ADDED_AS_REQUIRED", "tenant");
  }

  @Test
  void schemaCheck_badModeOrMissingFile_exits2() throws Exception {
    Path a = file("a.json", V1);
    assertThat(
            console.run(
                "schema", "check", "--old", a.toString(), "--new", a.toString(), "--mode", "x"))
        .isEqualTo(2);
    assertThat(
            console.run(
                "schema", "check", "--old", a.toString(), "--new", dir.resolve("nope").toString()))
        .isEqualTo(2);
    assertThat(console.err()).contains("cannot read");
  }

  @Test
  void schemaExport_printsTheRecordsSchema() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/com/example"));
    Files.writeString(
        src.resolve("UserCreated.java"),
        "package com.example; public record UserCreated(String name, int age) {}");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                src.resolve("UserCreated.java").toString());
    assertThat(compiled).isZero();

    int exit =
        console.run(
            "schema",
            "export",
            "--class",
            "com.example.UserCreated",
            "--classpath",
            classes.toString());

    assertThat(exit).as(console.err()).isZero();
    JsonNode schema = JSON.readTree(console.out());
    assertThat(schema.get("title").asText()).isEqualTo("UserCreated");
    assertThat(schema.at("/properties/age/type").asText()).isEqualTo("integer");
  }

  @Test
  void schemaExport_unknownClass_exits2() {
    assertThat(console.run("schema", "export", "--class", "com.example.Nope", "--classpath", "."))
        .isEqualTo(2);
    assertThat(console.err()).contains("not found");
  }

  @Test
  void asyncapiAndOpenapi_generateTheDocumentsOffline() throws Exception {
    Path config = file("sluice.yaml", "publish:\n  ackOverrides:\n    \"orders.>\": durable\n");

    assertThat(
            console.run("asyncapi", "--config", config.toString(), "--host", "events.example.com"))
        .as(console.err())
        .isZero();
    JsonNode asyncApi = JSON.readTree(console.out());
    assertThat(asyncApi.get("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(asyncApi.get("channels").findValuesAsText("address")).contains("orders.>");

    console.clearOut();
    assertThat(console.run("openapi")).isZero();
    JsonNode openApi = JSON.readTree(console.out());
    assertThat(openApi.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(openApi.at("/paths/~1v1~1events~1{subject}/post").isMissingNode()).isFalse();
  }
}
