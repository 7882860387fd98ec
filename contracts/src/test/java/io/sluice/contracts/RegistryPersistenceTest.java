package io.sluice.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryPersistenceTest {
  static final String V1 =
      "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}";
  static final String V2_OPTIONAL =
      "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"},"
          + " \"b\": {\"type\": \"integer\"}}}";
  static final String V2_REQUIRED =
      "{\"type\": \"object\", \"required\": [\"b\"], \"properties\": {\"a\": {\"type\": \"string\"},"
          + " \"b\": {\"type\": \"integer\"}}}";

  @TempDir Path dir;

  SchemaRegistry open() {
    return SchemaRegistry.open(RegistrySettings.of(StoreSettings.h2File(dir.resolve("contracts"))));
  }

  @Test
  void register_survivesReopeningTheH2File() {
    try (var registry = open()) {
      registry.register("thing.made", 1, V1);
      registry.register("thing.made", 2, V2_OPTIONAL);
    }
    try (var reopened = open()) {
      assertThat(reopened.all()).extracting(RegisteredSchema::version).containsExactly(1, 2);
      assertThat(reopened.latest("thing.made"))
          .get()
          .extracting(RegisteredSchema::schemaJson)
          .isEqualTo(V2_OPTIONAL);
    }
  }

  @Test
  void register_breakingVersion_isRefusedWithTheReportAndNotStored() {
    try (var registry = open()) {
      registry.register("thing.made", 1, V1);
      Registration refused = registry.register("thing.made", 2, V2_REQUIRED);
      assertThat(refused.outcome()).isEqualTo(Registration.Outcome.REFUSED);
      assertThat(refused.reason()).contains("not backward compatible");
      assertThat(refused.report().changes())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.kind()).isEqualTo(ChangeKind.FIELD_ADDED_AS_REQUIRED);
                assertThat(c.pointer()).isEqualTo("/properties/b");
              });
      assertThat(registry.schema("thing.made", 2)).isEmpty();
    }
    try (var reopened = open()) {
      assertThat(reopened.schema("thing.made", 2)).isEmpty();
    }
  }

  @Test
  void register_sameSchemaTwice_isUnchanged() {
    try (var registry = open()) {
      registry.register("thing.made", 1, V1);
      assertThat(registry.register("thing.made", 1, V1).outcome())
          .isEqualTo(Registration.Outcome.UNCHANGED);
    }
  }

  @Test
  void register_differentSchemaUnderExistingVersion_isRefused() {
    try (var registry = open()) {
      registry.register("thing.made", 1, V1);
      Registration again = registry.register("thing.made", 1, V2_OPTIONAL);
      assertThat(again.isAccepted()).isFalse();
      assertThat(again.reason()).contains("already registered");
    }
  }

  @Test
  void register_withCompatibilityNone_acceptsBreakingVersion() {
    try (var registry =
        SchemaRegistry.open(
            RegistrySettings.of(StoreSettings.h2File(dir.resolve("none")))
                .withCompatibility(CompatibilityMode.NONE))) {
      registry.register("thing.made", 1, V1);
      assertThat(registry.register("thing.made", 2, V2_REQUIRED).outcome())
          .isEqualTo(Registration.Outcome.REGISTERED);
    }
  }

  @Test
  void register_malformedSchema_throwsNamingTypeAndVersion() {
    try (var registry = open()) {
      assertThatThrownBy(() -> registry.register("thing.made", 1, "{\"type\": "))
          .isInstanceOf(InvalidSchemaException.class)
          .hasMessageContaining("thing.made version 1");
      assertThatThrownBy(() -> registry.register("thing.made", 1, "{\"type\": 12}"))
          .isInstanceOf(InvalidSchemaException.class);
    }
  }

  @Test
  void open_unreachableDatabase_failsWithoutShowingThePassword() {
    var settings =
        RegistrySettings.of(
            new StoreSettings(
                "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=1",
                "sluice",
                "s3cret-value"));
    assertThatThrownBy(() -> SchemaRegistry.open(settings))
        .isInstanceOf(SchemaStoreException.class)
        .hasMessageContaining("cannot connect to the schema store")
        .hasMessageNotContaining("s3cret-value");
  }

  @Test
  void register_schemaWithRemoteRef_isRefusedWithoutFetchingIt() {
    try (var registry = open()) {
      assertThatThrownBy(
              () ->
                  registry.register(
                      "thing.made",
                      1,
                      "{\"$ref\": \"https://schemas.example.invalid/thing.json\"}"))
          .isInstanceOf(InvalidSchemaException.class)
          .hasMessageContaining("thing.made version 1");
    }
  }
}
