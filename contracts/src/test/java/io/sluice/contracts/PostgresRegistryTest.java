package io.sluice.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.subject.Subject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real PostgreSQL on 127.0.0.1:5432, database {@code test}, user {@code postgres}. */
class PostgresRegistryTest {
  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String SCHEMA = "contracts_" + UUID.randomUUID().toString().replace("-", "");

  @BeforeAll
  static void createSchema() {
    execute("CREATE SCHEMA " + SCHEMA);
  }

  @AfterAll
  static void dropSchema() {
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test',"
              + " user 'postgres', trust auth). Start it, e.g. `docker run -d -p 5432:5432"
              + " -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:16`: "
              + e.getMessage(),
          e);
    }
  }

  static SchemaRegistry open() {
    return SchemaRegistry.open(
        RegistrySettings.of(
            new StoreSettings(SERVER + "?currentSchema=" + SCHEMA, "postgres", "")));
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
