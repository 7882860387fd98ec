package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.audit.ChainBreak.Kind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;

/** A real database for the test class, logs on it that are closed after each test, and helpers. */
abstract class StoreTestBase {
  private final List<AuditLog> opened = new ArrayList<>();
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  /** The JDBC URL of a fresh, empty database or schema for this test class. */
  protected abstract String jdbcUrl();

  protected String username() {
    return "";
  }

  @AfterEach
  void closeLogs() {
    opened.forEach(AuditLog::close);
  }

  protected AuditLog open(String chain) {
    return open(chain, r -> {});
  }

  protected AuditLog open(String chain, Consumer<AuditRecord> mirror) {
    return open(AuditConfig.builder().chain(chain), mirror);
  }

  protected static String uniqueChain() {
    return "gw-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected AuditLog logWith(String chain, int records) {
    AuditLog log = open(chain);
    appendPublished(log, records);
    return log;
  }

  protected void appendPublished(AuditLog log, int records) {
    long before = log.stats().written();
    for (int i = 0; i < records; i++) {
      clock.advance(Duration.ofSeconds(1));
      assertThat(log.append(Entries.published("alice", "orders.eu." + i, "e-" + i)))
          .isEqualTo(AppendResult.QUEUED);
    }
    await().until(() -> log.stats().written() >= before + records);
  }

  protected void sql(String sql, Object... args) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl(), username(), "");
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  protected AuditRecord recordAt(AuditLog log, String chain, long seq) {
    return log.query(AuditQuery.builder().chain(chain).limit(1000).build()).records().stream()
        .filter(r -> r.seq() == seq)
        .findFirst()
        .orElseThrow();
  }

  protected void insertRaw(AuditRecord r) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl(), username(), "")) {
      RecordTable.insert(c, List.of(r));
    }
  }

  protected static void assertBreak(VerifyReport report, String chain, long seq, Kind kind) {
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBreak())
        .as(report.toText())
        .get()
        .satisfies(
            b -> {
              assertThat(b.chain()).isEqualTo(chain);
              assertThat(b.seq()).isEqualTo(seq);
              assertThat(b.kind()).isEqualTo(kind);
            });
  }

  protected AuditLog open(AuditConfig.Builder config, Consumer<AuditRecord> mirror) {
    AuditLog log =
        AuditLog.open(
            config.store(StoreConfig.of(jdbcUrl(), username(), "")).batchSize(7).build(),
            clock,
            mirror);
    opened.add(log);
    return log;
  }
}
