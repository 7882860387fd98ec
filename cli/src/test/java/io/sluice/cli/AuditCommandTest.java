package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.audit.AuditAction;
import io.sluice.audit.AuditConfig;
import io.sluice.audit.AuditEntry;
import io.sluice.audit.AuditIdentity;
import io.sluice.audit.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
  @TempDir Path dir;
  final CapturedConsole console = new CapturedConsole();
  String url;

  /** Writes three records where a gateway over {@code embedded:<dir>/data} keeps them. */
  @BeforeEach
  void writeRecords() {
    url = "jdbc:h2:file:" + dir.resolve("data").resolve("audit");
    try (AuditLog log = AuditLog.open(AuditConfig.builder().store(url).chain("gw-1").build())) {
      for (int i = 0; i < 3; i++) {
        log.append(
            AuditEntry.builder(AuditIdentity.of("jwt", "alice", "idp"), AuditAction.PUBLISH, "o.x")
                .allowed(202, "seq " + i)
                .build());
      }
    }
  }

  @Test
  void auditVerify_withConfig_onAnIntactStore_exits0() throws Exception {
    Path config = dir.resolve("sluice.yaml");
    Files.writeString(config, "broker:\n  url: embedded:" + dir.resolve("data") + "\n");

    assertThat(console.run("audit", "verify", "--config", config.toString()))
        .as(console.err())
        .isZero();
    assertThat(console.out()).contains("chain 'gw-1': 3 records", "audit trail intact");
  }

  @Test
  void auditVerify_afterARecordIsChanged_exits1NamingIt() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_record SET subject = 'o.y' WHERE seq = 2");
    }

    assertThat(console.run("audit", "verify", "--url", url, "--chain", "gw-1")).isEqualTo(1);
    assertThat(console.out()).contains("BROKEN", "seq 2", "CHANGED");
  }

  @Test
  void auditVerify_withoutAStore_exits2SayingWhy() {
    String missing = "jdbc:h2:file:" + dir.resolve("nothing-here");

    assertThat(console.run("audit", "verify", "--url", missing)).isEqualTo(2);
    assertThat(console.err()).startsWith("sluice audit verify: cannot verify audit store");
  }
}
