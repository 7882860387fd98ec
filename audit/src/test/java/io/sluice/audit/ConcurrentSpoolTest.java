package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads appending through a store outage in spool mode. */
class ConcurrentSpoolTest {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 150;

  @TempDir Path dir;

  @Test
  void concurrentAppendersThroughAnOutage_keepEachThreadsOrder_andLoseNothing() throws Exception {
    try (H2TcpServer server = new H2TcpServer(dir.resolve("db")).start()) {
      String url = server.url("audit");
      AuditConfig config =
          StoreOutageSupport.config(url, OnStoreFailure.SPOOL, dir.resolve("spool"), 8);
      try (AuditLog log = AuditLog.open(config);
          ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
        CountDownLatch halfway = new CountDownLatch(THREADS);
        List<Future<?>> appenders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          appenders.add(pool.submit(() -> appendAll(log, thread, halfway)));
        }
        halfway.await();
        server.stop();
        await().until(() -> !log.stats().storeReachable());
        server.start();
        for (Future<?> f : appenders) {
          f.get();
        }

        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(log.stats().written())
                        .as("%s; stored %d", log.stats(), storedCount(url))
                        .isEqualTo(THREADS * PER_THREAD));
        List<String> stored = StoreOutageSupport.storedIdsInChainOrder(url);
        assertThat(stored).hasSize(THREADS * PER_THREAD).doesNotHaveDuplicates();
        for (int t = 0; t < THREADS; t++) {
          String prefix = "t" + t + "-";
          assertThat(stored.stream().filter(id -> id.startsWith(prefix)).toList())
              .containsExactlyElementsOf(ids(t));
        }
        assertThat(log.verify().intact()).isTrue();
      }
    }
  }

  private static void appendAll(AuditLog log, int thread, CountDownLatch halfway) {
    for (int i = 0; i < PER_THREAD; i++) {
      if (i == PER_THREAD / 2) {
        halfway.countDown();
      }
      AppendResult r = log.append(Entries.published("alice", "orders.eu", "t" + thread + "-" + i));
      assertThat(r.accepted()).isTrue();
    }
  }

  private static int storedCount(String url) throws Exception {
    return StoreOutageSupport.storedIdsInChainOrder(url).size();
  }

  private static List<String> ids(int thread) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < PER_THREAD; i++) {
      ids.add("t" + thread + "-" + i);
    }
    return ids;
  }
}
