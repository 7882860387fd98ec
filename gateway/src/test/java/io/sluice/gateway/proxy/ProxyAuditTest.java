package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
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

  @Test
  void proxyCalls_areAuditedWithTheDecidingRule() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw =
            GatewayHarness.start(
                "proxy:\n  routes:\n    - {name: orders, pathPrefix: /orders, upstream: orders}\n"
                    + "  pools:\n    - {name: orders, instances: "
                    + u.instances("http")
                    + "}\n",
                new ProxyPolicy())) {
      assertThat(gw.get("/orders/7", gw.token("alice")).statusCode()).isEqualTo(200);
      assertThat(gw.get("/orders/7", gw.token("bob")).statusCode()).isEqualTo(403);

      await().atMost(Duration.ofSeconds(5)).until(() -> proxyRecords(gw).size() >= 2);
      assertThat(proxyRecords(gw))
          .contains("alice allowed " + ProxyPolicy.RULE, "bob denied default-deny");
    }
  }

  private static List<String> proxyRecords(GatewayHarness gw) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + gw.dataDir().resolve("audit"));
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT identity_id, outcome, rule FROM audit_record WHERE action = 'proxy'")) {
      while (r.next()) {
        rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
      }
    }
    return rows;
  }
}
