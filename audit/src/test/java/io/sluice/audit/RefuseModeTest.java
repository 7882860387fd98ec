package io.sluice.audit;

import static io.sluice.audit.StoreOutageSupport.config;
import static io.sluice.audit.StoreOutageSupport.numbered;
import static io.sluice.audit.StoreOutageSupport.storedIdsInChainOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onStoreFailure: refuse} against a real H2 TCP server that the test stops and starts. */
class RefuseModeTest {
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
  void storeUnreachableAtStart_appendIsRefused_untilItComes() throws Exception {
    String url = server.url("audit");
    try (AuditLog log =
        AuditLog.open(config(url, OnStoreFailure.REFUSE, dir.resolve("spool"), 50))) {
      assertThat(log.isAccepting()).isFalse();
      assertThat(log.append(numbered(0))).isEqualTo(AppendResult.REFUSED);
      assertThat(log.stats().refused()).isEqualTo(1);

      server.start();
      await().atMost(Duration.ofSeconds(10)).until(log::isAccepting);
      assertThat(log.append(numbered(1))).isEqualTo(AppendResult.QUEUED);

      await().until(() -> log.stats().written() == 1);
      assertThat(storedIdsInChainOrder(url)).containsExactly("e-1");
    }
  }

  @Test
  void storeStopsMidLoad_laterEntriesAreRefused_andEveryAcceptedOneIsWrittenWhenItReturns()
      throws Exception {
    server.start();
    String url = server.url("audit");
    List<String> accepted = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    try (AuditLog log =
        AuditLog.open(config(url, OnStoreFailure.REFUSE, dir.resolve("spool"), 50))) {
      // the first connection can take longer than the 500 ms connect timeout on a busy machine
      // (the server opens and creates the database); until the writer has it, the log refuses
      await().atMost(Duration.ofSeconds(10)).until(log::isAccepting);
      for (int i = 0; i < 20; i++) {
        appendRecording(log, next, accepted);
      }
      assertThat(accepted).hasSize(20);
      server.stop();

      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> appendRecording(log, next, accepted) == AppendResult.REFUSED);
      assertThat(log.isAccepting()).isFalse();
      assertThat(log.stats().refused()).isGreaterThanOrEqualTo(1);

      server.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> log.stats().written() == accepted.size());
      assertThat(storedIdsInChainOrder(url)).containsExactlyElementsOf(accepted);
      assertThat(log.stats().failed()).isZero();
      assertThat(log.verify().intact()).isTrue();
    }
  }

  private static AppendResult appendRecording(
      AuditLog log, AtomicInteger next, List<String> accepted) {
    int i = next.getAndIncrement();
    AppendResult r = log.append(numbered(i));
    if (r.accepted()) {
      accepted.add("e-" + i);
    }
    return r;
  }
}
