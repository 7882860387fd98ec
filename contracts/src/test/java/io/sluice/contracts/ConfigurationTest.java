package io.sluice.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.subject.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
  static final String V1 =
      "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}";
  static final String V2_BREAKING =
      "{\"type\": \"object\", \"required\": [\"z\"],"
          + " \"properties\": {\"z\": {\"type\": \"string\"}}}";

  @TempDir Path dir;
  final List<String> problems = new ArrayList<>();

  Map<String, Object> section(Object... more) {
    var map = new java.util.HashMap<String, Object>();
    map.put("dir", dir.resolve("schemas").toString());
    map.put("store", Map.of("url", "jdbc:h2:file:" + dir.resolve("db")));
    for (int i = 0; i < more.length; i += 2) {
      map.put((String) more[i], more[i + 1]);
    }
    return map;
  }

  void file(String relative, String content) throws IOException {
    Path file = dir.resolve("schemas").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void fromConfig_loadsTypeSlashVersionFiles() throws IOException {
    file("order.created/1.json", V1);
    file("order.created/2.json", V1.replace("}}}", "}, \"b\": {\"type\": \"integer\"}}}"));
    try (var registry = SchemaRegistry.fromConfig(section(), problems)) {
      assertThat(problems).isEmpty();
      assertThat(registry.all()).extracting(RegisteredSchema::version).containsExactly(1, 2);
    }
  }

  @Test
  void fromConfig_readsPoliciesAndBindings() throws IOException {
    Files.createDirectories(dir.resolve("schemas"));
    var bindings = List.of(Map.of("type", "a.b", "subjects", List.of("a.>", "b.*")));
    try (var registry =
        SchemaRegistry.fromConfig(
            section("unknownTypes", "allow", "compatibility", "full", "bindings", bindings),
            problems)) {
      assertThat(problems).isEmpty();
      assertThat(registry.settings().unknownTypes()).isEqualTo(UnknownTypes.ALLOW);
      assertThat(registry.settings().compatibility()).isEqualTo(CompatibilityMode.FULL);
      assertThat(
              registry.validate(Events.json("a.b", "{}").build(), Subject.of("c.d")).violations())
          .extracting(ContractViolation::rule)
          .containsExactly("binding");
      assertThat(registry.validate(Events.json("a.b", "{}").build(), Subject.of("b.x")).isValid())
          .isTrue();
    }
  }

  @Test
  void fromConfig_reportsEveryBadKeyByName() throws IOException {
    Files.createDirectories(dir.resolve("schemas"));
    try (var registry =
        SchemaRegistry.fromConfig(
            section(
                "unknownTypes",
                "maybe",
                "compatibility",
                "sideways",
                "colour",
                "blue",
                "bindings",
                List.of(Map.of("type", "x"))),
            problems)) {
      assertThat(problems)
          .hasSize(4)
          .anySatisfy(p -> assertThat(p).contains("schemas.unknownTypes").contains("maybe"))
          .anySatisfy(p -> assertThat(p).contains("schemas.compatibility").contains("sideways"))
          .anySatisfy(p -> assertThat(p).contains("schemas.colour"))
          .anySatisfy(p -> assertThat(p).contains("schemas.bindings[0]"));
      assertThat(registry.settings().unknownTypes()).isEqualTo(UnknownTypes.REJECT);
    }
  }

  @Test
  void fromConfig_reportsMisnamedAndInvalidFiles() throws IOException {
    file("order.created/one.json", V1);
    file("order.created/1.json", "{\"type\": 7}");
    try (var registry = SchemaRegistry.fromConfig(section(), problems)) {
      assertThat(problems)
          .hasSize(2)
          .anySatisfy(p -> assertThat(p).contains("one.json").contains("<version>.json"))
          .anySatisfy(p -> assertThat(p).contains("order.created/1.json"));
      assertThat(registry.all()).isEmpty();
    }
  }

  @Test
  void fromConfig_incompatibleFileVersion_isAProblemNamingTheFile() throws IOException {
    file("order.created/1.json", V1);
    file("order.created/2.json", V2_BREAKING);
    try (var registry = SchemaRegistry.fromConfig(section(), problems)) {
      assertThat(problems)
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p)
                      .contains("order.created/2.json")
                      .contains("FIELD_ADDED_AS_REQUIRED"));
      assertThat(registry.all()).extracting(RegisteredSchema::version).containsExactly(1);
    }
  }

  @Test
  void fromConfig_missingDirectory_isAProblem() {
    try (var registry = SchemaRegistry.fromConfig(section(), problems)) {
      assertThat(problems).singleElement().satisfies(p -> assertThat(p).contains("schemas.dir"));
      assertThat(registry.all()).isEmpty();
    }
  }
}
