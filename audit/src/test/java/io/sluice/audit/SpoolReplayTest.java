package io.sluice.audit;

import static io.sluice.audit.StoreOutageSupport.CHAIN;
import static io.sluice.audit.StoreOutageSupport.ids;
import static io.sluice.audit.StoreOutageSupport.numbered;
import static io.sluice.audit.StoreOutageSupport.storedIdsInChainOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay of spool segments left behind by an earlier process. */
class SpoolReplayTest {
  @TempDir Path dir;

  @Test
  void segmentPartlyReplayedBeforeACrash_resumesAfterTheMarkStoredWithTheHead() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath();
    Path spool = dir.resolve("spool");
    AuditConfig config = StoreOutageSupport.config(url, OnStoreFailure.SPOOL, spool, 5);
    try (AuditLog log = AuditLog.open(config)) {
      appendAndAwait(log, 0, 7);
    }
    String segment = "segment-000000000000001-000001.jsonl";
    writeSegment(spool.resolve(segment), 3, 10);
    setSpoolMark(url, segment + "#4");

    try (AuditLog log = AuditLog.open(config)) {
      await().until(() -> log.stats().written() == 3);
      assertThat(storedIdsInChainOrder(url))
          .as("e-3..e-6 reached the store before the crash; only e-7..e-9 are replayed")
          .containsExactlyElementsOf(ids(0, 10));
      assertThat(log.verify().intact()).isTrue();
      assertThat(spool.resolve(segment)).doesNotExist();
    }
  }

  private static void appendAndAwait(AuditLog log, int from, int to) {
    IntStream.range(from, to).forEach(i -> log.append(numbered(i)));
    await().until(() -> log.stats().written() == to - from);
  }

  private static void writeSegment(Path file, int from, int to) throws Exception {
    Files.createDirectories(file.getParent());
    List<String> lines =
        IntStream.range(from, to)
            .mapToObj(
                i ->
                    SpoolCodec.encode(
                        new SpoolItem("earlier-run", i, numbered(i).stampedAt(Instant.now()))))
            .toList();
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static void setSpoolMark(String url, String mark) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "", "");
        PreparedStatement ps =
            c.prepareStatement("UPDATE audit_chain SET spool_mark = ? WHERE chain = ?")) {
      ps.setString(1, mark);
      ps.setString(2, CHAIN);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
