package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line entry point: verify a store without opening a log. */
class AuditVerifierTest {
  @TempDir Path dir;

  @Test
  void intactStore_reportsEveryChainAsOk() {
    String url = "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath();
    for (String chain : new String[] {"gw-1", "gw-2"}) {
      try (AuditLog log = AuditLog.open(AuditConfig.builder().store(url).chain(chain).build())) {
        log.append(Entries.published("alice", "orders.eu", "e-1"));
        log.append(Entries.denied("bob", "orders.us"));
        await().until(() -> log.stats().written() == 2);
      }
    }

    VerifyReport report = AuditVerifier.verify(url, "", "", Optional.empty());

    assertThat(report.intact()).isTrue();
    assertThat(report.toText())
        .contains("OK      chain 'gw-1': 2 records, seq 1..2")
        .contains("OK      chain 'gw-2': 2 records, seq 1..2")
        .contains("audit trail intact (2 chains)");
  }

  @Test
  void missingH2Database_failsWithoutCreatingOne() {
    String url = "jdbc:h2:file:" + dir.resolve("nothing-here").toAbsolutePath();

    assertThatThrownBy(() -> AuditVerifier.verify(url, "", "", Optional.empty()))
        .isInstanceOf(AuditStoreException.class)
        .hasMessageContaining(url);
    assertThat(dir.resolve("nothing-here.mv.db")).matches(p -> !Files.exists(p));
  }

  @Test
  void unreachablePostgres_failsNamingTheStoreButNotThePassword() {
    String url = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=1";

    assertThatThrownBy(() -> AuditVerifier.verify(url, "postgres", "s3cret", Optional.empty()))
        .isInstanceOf(AuditStoreException.class)
        .hasMessageContaining("127.0.0.1:1")
        .message()
        .doesNotContain("s3cret");
  }
}
