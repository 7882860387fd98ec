package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditTrailTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static GatewayHarness harness;
  static String alice;
  static String admin;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start("", new TestPolicy());
    alice = harness.token("alice");
    admin = harness.token("admin");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  static String event(String id) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"source\":\"/shop\",\"type\":\"order.created\",\"data\":{\"total\":1}}";
  }

  HttpResponse<String> publish(String subject, String token, String id) {
    return harness.post("/v1/events/" + subject, token, "application/cloudevents+json", event(id));
  }

  JsonNode records(String query) throws Exception {
    HttpResponse<String> response = harness.get("/v1/audit?" + query, admin);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("records");
  }

  JsonNode awaitRecords(String query, int atLeast) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> (found[0] = records(query)).size() >= atLeast);
    return found[0];
  }

  @Test
  void publish_isRecordedOnce_withIdentityReceiptAndAllowingRule() {
    assertThat(publish("orders.audited", alice, "audit-1").statusCode()).isEqualTo(202);

    JsonNode records = awaitRecords("action=publish&subject=orders.audited", 1);

    JsonNode outcome = records.get(0);
    assertThat(outcome.get("identityId").asText()).isEqualTo("alice");
    assertThat(outcome.get("identityType").asText()).isEqualTo("dev");
    assertThat(outcome.get("outcome").asText()).isEqualTo("allowed");
    assertThat(outcome.get("status").asInt()).isEqualTo(202);
    assertThat(outcome.get("receipt").asText()).contains("orders.audited");
    assertThat(outcome.get("rule").asText()).isEqualTo(TestPolicy.ALICE_RULE);
    assertThat(outcome.get("policyVersion").asText()).isEqualTo("test");
    assertThat(outcome.get("eventId").asText()).isEqualTo("audit-1");
    assertThat(outcome.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(records).as("the decision and its outcome are one record").hasSize(1);
  }

  @Test
  void publish_withoutPermission_isRecordedWithTheDenyingRule() {
    String bob = harness.token("bob");
    assertThat(publish("orders.denied", bob, "audit-2").statusCode()).isEqualTo(403);

    JsonNode record = awaitRecords("identity=bob&outcome=denied", 1).get(0);

    assertThat(record.get("action").asText()).isEqualTo("publish");
    assertThat(record.get("subject").asText()).isEqualTo("orders.denied");
    assertThat(record.get("status").asInt()).isEqualTo(403);
    assertThat(record.get("rule").asText()).isEqualTo("default-deny");
    assertThat(record.get("error").asText()).startsWith("forbidden: ");
  }

  @Test
  void publish_withBadToken_isRecordedAs401WithTheAttemptedAuthType() {
    assertThat(publish("orders.anon", "not-a-token", "audit-3").statusCode()).isEqualTo(401);

    JsonNode record = awaitRecords("subject=orders.anon", 1).get(0);

    assertThat(record.get("identityType").asText()).isEqualTo("jwt");
    assertThat(record.get("identityId").asText()).isEqualTo("anonymous");
    assertThat(record.get("status").asInt()).isEqualTo(401);
    assertThat(record.get("rule").asText()).startsWith("authenticate/");
  }

  @Test
  void batch_recordsEachItem() {
    String batch =
        "["
            + event("b-1").replace("{\"spec", "{\"subject\":\"orders.b\",\"spec")
            + ","
            + event("b-2").replace("{\"spec", "{\"subject\":\"payments.b\",\"spec")
            + "]";
    HttpResponse<String> response =
        harness.post("/v1/events", alice, "application/cloudevents-batch+json", batch);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(207);

    JsonNode denied = awaitRecords("action=batch-item&outcome=denied", 1).get(0);
    assertThat(denied.get("subject").asText()).isEqualTo("payments.b");
    JsonNode allowed = awaitRecords("action=batch-item&outcome=allowed&subject=orders.b", 1);
    assertThat(allowed).hasSize(1);
    assertThat(allowed.get(0).get("eventId").asText()).isEqualTo("b-1");
    assertThat(allowed.get(0).get("status").asInt()).isEqualTo(202);
  }

  @Test
  void subscribe_withoutPermission_isRecordedWithTheDenyingRule() {
    HttpResponse<String> response =
        harness.send(
            harness
                .request("/v1/events/payments.watched")
                .header("Authorization", "Bearer " + alice)
                .header("Accept", "text/event-stream")
                .GET());
    assertThat(response.statusCode()).isEqualTo(403);

    JsonNode record = awaitRecords("action=subscribe&identity=alice", 1).get(0);
    assertThat(record.get("subject").asText()).isEqualTo("payments.watched");
    assertThat(record.get("outcome").asText()).isEqualTo("denied");
    assertThat(record.get("rule").asText()).isEqualTo("default-deny");
  }

  @Test
  void auditQuery_byNonAdmin_isDeniedAndRecorded() throws Exception {
    HttpResponse<String> response = harness.get("/v1/audit", alice);

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode record = awaitRecords("action=admin&identity=alice", 1).get(0);
    assertThat(record.get("subject").asText()).isEqualTo("audit.query");
  }

  @Test
  void auditQuery_pagesWithACursor() throws Exception {
    for (int i = 0; i < 6; i++) {
      publish("orders.paged", alice, "paged-" + i);
    }
    awaitRecords("subject=orders.paged", 6);

    JsonNode first =
        JSON.readTree(harness.get("/v1/audit?subject=orders.paged&limit=4", admin).body());
    String cursor = first.get("nextCursor").asText();
    JsonNode second =
        JSON.readTree(
            harness.get("/v1/audit?subject=orders.paged&limit=4&cursor=" + cursor, admin).body());

    assertThat(first.get("records")).hasSize(4);
    assertThat(second.get("records")).hasSize(2);
  }

  @Test
  void auditQuery_withBadFilter_returns400NamingIt() {
    HttpResponse<String> response = harness.get("/v1/audit?outcome=maybe", admin);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("outcome");
  }

  @Test
  void verify_overHttp_reportsIntactChain() throws Exception {
    publish("orders.verified", alice, "audit-v");
    awaitRecords("subject=orders.verified", 1);

    HttpResponse<String> response = harness.get("/v1/audit/verify", admin);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.get("intact").asBoolean()).isTrue();
    assertThat(report.get("firstBreak").isNull()).isTrue();
    assertThat(report.get("chains").get(0).get("checked").asLong()).isPositive();
  }

  @Test
  void storedRecords_neverContainTheToken() throws Exception {
    publish("orders.secret", alice, "audit-s");
    publish("orders.secret", "Bearer " + alice, "audit-s2");
    awaitRecords("subject=orders.secret", 2);

    StringBuilder everything = new StringBuilder();
    try (Connection c = store();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT * FROM audit_record")) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          everything.append(rows.getString(i)).append('|');
        }
      }
    }

    assertThat(everything).contains("audit-s").doesNotContain(alice).doesNotContain("eyJ");
  }

  static Connection store() throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + harness.dataDir().resolve("audit"));
  }
}
