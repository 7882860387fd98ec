package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditTamperTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @Test
  void verify_afterARecordIsChangedWithSql_reportsItsPosition() throws Exception {
    try (GatewayHarness harness = GatewayHarness.start("", new TestPolicy())) {
      String alice = harness.token("alice");
      String admin = harness.token("admin");
      for (int i = 0; i < 3; i++) {
        String body =
            "{\"specversion\":\"1.0\",\"id\":\"t-"
                + i
                + "\",\"source\":\"/s\",\"type\":\"t\",\"data\":1}";
        harness.post("/v1/events/orders.t", alice, "application/cloudevents+json", body);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> written(harness, admin) >= 3);

      try (Connection c =
              DriverManager.getConnection("jdbc:h2:file:" + harness.dataDir().resolve("audit"));
          Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE audit_record SET identity_id = 'mallory' WHERE seq = 3");
      }
      HttpResponse<String> response = harness.get("/v1/audit/verify", admin);

      JsonNode report = JSON.readTree(response.body());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(report.get("intact").asBoolean()).isFalse();
      assertThat(report.get("firstBreak").get("seq").asLong()).isEqualTo(3);
      assertThat(report.get("firstBreak").get("kind").asText()).isEqualTo("CHANGED");
    }
  }

  static int written(GatewayHarness harness, String admin) throws Exception {
    return JSON.readTree(harness.get("/v1/audit?subject=orders.t", admin).body())
        .get("records")
        .size();
  }
}
