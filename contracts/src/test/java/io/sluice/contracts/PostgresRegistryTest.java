package io.sluice.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.subject.Subject;
import io.sluice.testkit.servers.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against the real PostgreSQL on 127.0.0.1:5432, database {@code test}, user {@code postgres}. */
class PostgresRegistryTest {
  @RegisterExtension static final PostgresSchema SCHEMA = new PostgresSchema();

  static SchemaRegistry open() {
    return SchemaRegistry.open(
        RegistrySettings.of(new StoreSettings(SCHEMA.url(), SCHEMA.user(), "")));
  }

  @Test
  void register_survivesReopeningAgainstPostgres() {
    String schema =
        "{\"type\": \"object\", \"required\": [\"n\"],"
            + " \"properties\": {\"n\": {\"type\": \"integer\"}}}";
    try (var registry = open()) {
      assertThat(registry.register("count.taken", 1, schema).outcome())
          .isEqualTo(Registration.Outcome.REGISTERED);
    }
    try (var reopened = open()) {
      assertThat(reopened.schema("count.taken", 1))
          .get()
          .extracting(RegisteredSchema::schemaJson)
          .isEqualTo(schema);
      var result =
          reopened.validate(
              Events.json("count.taken", "{\"n\": \"x\"}").build(), Subject.of("counts"));
      assertThat(result.violations()).extracting(ContractViolation::pointer).containsExactly("/n");
    }
  }

  @Test
  void open_twice_appliesTheDdlOnlyOnce() {
    try (var first = open();
        var second = open()) {
      assertThat(first.register("twice.opened", 1, "{\"type\": \"object\"}").isAccepted()).isTrue();
      assertThat(second.all()).isNotNull();
    }
    try (var third = open()) {
      assertThat(third.schema("twice.opened", 1)).isPresent();
    }
  }

  @Test
  void replicas_seeEachOthersRegistrations() {
    String v1 = "{\"type\": \"object\"}";
    String v2 = "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}";
    try (var first = open();
        var second = open()) {
      first.register("shared.type", 1, v1);
      assertThat(second.schema("shared.type", 1)).isEmpty();
      assertThat(second.refresh()).isEmpty();
      assertThat(second.schema("shared.type", 1)).isPresent();
      first.register("shared.type", 2, v2);
      assertThat(second.register("shared.type", 2, v2).outcome())
          .isEqualTo(Registration.Outcome.UNCHANGED);
      assertThat(second.register("shared.type", 2, v1).outcome())
          .isEqualTo(Registration.Outcome.REFUSED);
    }
  }
}
