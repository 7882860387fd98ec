package io.sluice.audit;

import static io.sluice.audit.StoreOutageSupport.config;
import static io.sluice.audit.StoreOutageSupport.ids;
import static io.sluice.audit.StoreOutageSupport.numbered;
import static io.sluice.audit.StoreOutageSupport.storedIdsInChainOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onStoreFailure: spool} against a real H2 TCP server that the test stops and starts. */
class SpoolModeTest {
  @TempDir Path dir;
  private H2TcpServer server;

  @BeforeEach
  void createServer() throws Exception {
    server = new H2TcpServer(dir.resolve("db"));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void storeStopsMidLoad_everyEntryArrivesOnceAndInOrderWhenItReturns() throws Exception {
    server.start();
    String url = server.url("audit");
    try (AuditLog log =
        AuditLog.open(config(url, OnStoreFailure.SPOOL, dir.resolve("spool"), 20))) {
      appendAll(log, 0, 100);
      server.stop();
      appendAll(log, 100, 300);
      await().until(() -> log.stats().spooled() > 0 && !log.stats().storeReachable());
      assertThat(log.isAccepting()).isTrue();

      server.start();
      appendAll(log, 300, 350);

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(log.stats().written())
                      .as("%s; stored %d", log.stats(), storedIdsInChainOrder(url).size())
                      .isEqualTo(350));
      assertThat(storedIdsInChainOrder(url)).containsExactlyElementsOf(ids(0, 350));
      assertThat(log.verify(StoreOutageSupport.CHAIN).intact()).isTrue();
      assertThat(log.stats().spoolPending()).isZero();
      assertThat(log.stats().failed()).isZero();
    }
  }

  @Test
  void entriesSpooledWhileTheStoreIsDown_surviveARestartOfTheLog() throws Exception {
    String url = server.url("audit");
    AuditConfig config = config(url, OnStoreFailure.SPOOL, dir.resolve("spool"), 5);
    try (AuditLog log = AuditLog.open(config)) {
      appendAll(log, 0, 40);
      assertThat(log.isAccepting()).isTrue();
    }

    server.start();
    try (AuditLog log = AuditLog.open(config)) {
      appendAll(log, 40, 45);

      await().atMost(Duration.ofSeconds(30)).until(() -> log.stats().written() == 45);
      assertThat(storedIdsInChainOrder(url)).containsExactlyElementsOf(ids(0, 45));
      assertThat(log.verify().intact()).isTrue();
    }
  }

  private static void appendAll(AuditLog log, int from, int to) {
    for (int i = from; i < to; i++) {
      assertThat(log.append(numbered(i))).as("entry %d", i).isNotEqualTo(AppendResult.REFUSED);
    }
  }
}
