package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProxyAuditTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  /** One {@code proxy} row of the audit store. */
  record Row(
      String identity,
      String outcome,
      int status,
      String subject,
      String rule,
      String receipt,
      String error,
      String remoteAddress) {}

  private static String yaml(String instances) {
    return "proxy:\n  routes:\n    - {name: orders, pathPrefix: /orders, upstream: orders,"
        + " retries: 0}\n  pools:\n    - {name: orders, instances: "
        + instances
        + "}\n";
  }

  @Test
  void proxyCalls_areAuditedWithTheDecidingRule() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u.instances("http")), new ProxyPolicy())) {
      assertThat(gw.get("/orders/7", gw.token("alice")).statusCode()).isEqualTo(200);
      assertThat(gw.get("/orders/7", gw.token("bob")).statusCode()).isEqualTo(403);

      await().atMost(Duration.ofSeconds(5)).until(() -> proxyRecords(gw).size() >= 2);
      assertThat(proxyRecords(gw))
          .extracting(r -> r.identity() + " " + r.outcome() + " " + r.status() + " " + r.rule())
          .containsExactly("alice allowed 200 " + ProxyPolicy.RULE, "bob denied 403 default-deny");
    }
  }

  @Test
  void allowedCall_outcomeRecord_holdsRouteMethodPathUpstreamStatusAndLatency() throws Exception {
    try (UpstreamServers u =
            UpstreamServers.start(1, (i, req) -> req.response().setStatusCode(201).end());
        GatewayHarness gw = GatewayHarness.start(yaml(u.instances("http")), new ProxyPolicy())) {
      assertThat(gw.get("/orders/7", gw.token("alice")).statusCode()).isEqualTo(201);

      await().atMost(Duration.ofSeconds(5)).until(() -> outcomes(gw).size() == 1);
      Row outcome = outcomes(gw).get(0);
      assertThat(outcome.identity()).isEqualTo("alice");
      assertThat(outcome.outcome()).isEqualTo("allowed");
      assertThat(outcome.status()).isEqualTo(201);
      assertThat(outcome.subject()).isEqualTo("http.GET.orders.7");
      assertThat(outcome.rule()).isEqualTo(ProxyPolicy.RULE);
      assertThat(outcome.receipt())
          .matches(
              "route=orders method=GET path=/orders/7 upstream=127.0.0.1:"
                  + u.port(0)
                  + " latencyMicros=[1-9][0-9]* attempts=1");
      assertThat(outcome.error()).isNull();
      assertThat(outcome.remoteAddress()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void allowedCall_thatNoUpstreamAnswered_isAuditedWithItsStatusAndError() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String instances = "[\"http://127.0.0.1:" + closedPort + "\"]";
    try (GatewayHarness gw = GatewayHarness.start(yaml(instances), new ProxyPolicy())) {
      assertThat(gw.get("/orders/7", gw.token("alice")).statusCode()).isEqualTo(502);

      await().atMost(Duration.ofSeconds(5)).until(() -> outcomes(gw).size() == 1);
      Row outcome = outcomes(gw).get(0);
      assertThat(outcome.status()).isEqualTo(502);
      assertThat(outcome.receipt()).contains("upstream=none");
      assertThat(outcome.error()).isEqualTo("no upstream answered");
    }
  }

  /** The records of allowed calls: each is written once its response was sent, with a receipt. */
  static List<Row> outcomes(GatewayHarness gw) throws Exception {
    return proxyRecords(gw).stream().filter(r -> r.receipt() != null).toList();
  }

  static List<Row> proxyRecords(GatewayHarness gw) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + gw.dataDir().resolve("audit"));
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT identity_id, outcome, status, subject, rule, receipt, error,"
                    + " remote_address FROM audit_record WHERE action = 'proxy' ORDER BY seq")) {
      while (r.next()) {
        rows.add(
            new Row(
                r.getString(1),
                r.getString(2),
                r.getInt(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                r.getString(8)));
      }
    }
    return rows;
  }
}
