package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway's audit trail on the real PostgreSQL at 127.0.0.1:5432, in a schema of its own. */
class PostgresAuditTest {
  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @Test
  void publish_onPostgres_isRecordedAndVerifies() throws Exception {
    String schema = "gw_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE SCHEMA " + schema);
    String yaml =
        "audit:\n  store: {url: \""
            + SERVER
            + "?currentSchema="
            + schema
            + "\", username: postgres}\n  chain: gw-pg\n";
    try (GatewayHarness harness = GatewayHarness.start(yaml, new TestPolicy())) {
      String admin = harness.token("admin");
      harness.post(
          "/v1/events/orders.pg",
          harness.token("alice"),
          "application/cloudevents+json",
          "{\"specversion\":\"1.0\",\"id\":\"pg-1\",\"source\":\"/s\",\"type\":\"t\"}");

      await().atMost(Duration.ofSeconds(5)).until(() -> records(harness, admin).size() >= 1);
      JsonNode report = JSON.readTree(harness.get("/v1/audit/verify", admin).body());

      assertThat(records(harness, admin).get(0).get("chain").asText()).isEqualTo("gw-pg");
      assertThat(report.get("intact").asBoolean()).isTrue();
    } finally {
      admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  static JsonNode records(GatewayHarness harness, String admin) throws Exception {
    return JSON.readTree(harness.get("/v1/audit?subject=orders.pg", admin).body()).get("records");
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      fail(
          "PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test', user 'postgres', trust"
              + " auth): "
              + e.getMessage()
              + ". Start it (Debian: 'pg_ctlcluster 15 main start', then 'createdb -U postgres"
              + " test') or run bin/test, which starts it.",
          e);
    }
  }
}
