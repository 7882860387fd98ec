package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.audit.ChainBreak.Kind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every audit store (H2, PostgreSQL) must do; subclasses hand over a real database. */
abstract class AuditStoreContract {
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
    AuditConfig config =
        AuditConfig.builder()
            .store(StoreConfig.of(jdbcUrl(), username(), ""))
            .chain(chain)
            .batchSize(7)
            .build();
    AuditLog log = AuditLog.open(config, clock, mirror);
    opened.add(log);
    return log;
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
    await().until(() -> log.stats().written() == before + records);
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

  @Test
  @DisplayName("records come back newest first with every field")
  void append_thenQuery_returnsRecordsNewestFirst() {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 3);

    AuditPage page = log.query(AuditQuery.builder().chain(chain).build());

    assertThat(page.records()).extracting(AuditRecord::seq).containsExactly(3L, 2L, 1L);
    AuditRecord newest = page.records().get(0);
    assertThat(newest.entry().eventId()).isEqualTo("e-2");
    assertThat(newest.identity())
        .isEqualTo(AuditIdentity.of("jwt", "alice", "https://issuer.test"));
    assertThat(newest.entry().status()).isEqualTo(202);
    assertThat(newest.entry().rule()).isEqualTo("role/writer/allow[0]: publish orders.>");
    assertThat(newest.entry().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(newest.hashMatches()).isTrue();
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void query_filtersByIdentityActionOutcomeSubjectPatternAndTime() {
    String chain = uniqueChain();
    AuditLog log = open(chain);
    Instant start = clock.instant();
    log.append(Entries.published("alice", "orders.eu.1", "a1"));
    clock.advance(Duration.ofMinutes(1));
    log.append(Entries.denied("bob", "payments.us"));
    clock.advance(Duration.ofMinutes(1));
    log.append(Entries.published("bob", "orders.us.2", "b2"));
    await().until(() -> log.stats().written() == 3);
    AuditQuery.Builder q = AuditQuery.builder().chain(chain);

    assertThat(ids(log, AuditQuery.builder().chain(chain).identityId("bob").build())).hasSize(2);
    assertThat(ids(log, AuditQuery.builder().chain(chain).outcome(AuditOutcome.DENIED).build()))
        .containsExactly("payments.us");
    assertThat(ids(log, AuditQuery.builder().chain(chain).subject("orders.*.2").build()))
        .containsExactly("orders.us.2");
    assertThat(ids(log, AuditQuery.builder().chain(chain).subject("orders.>").build()))
        .containsExactly("orders.us.2", "orders.eu.1");
    assertThat(ids(log, AuditQuery.builder().chain(chain).action(AuditAction.SUBSCRIBE).build()))
        .isEmpty();
    assertThat(ids(log, q.between(start.plusSeconds(30), start.plusSeconds(90)).build()))
        .containsExactly("payments.us");
  }

  private static List<String> ids(AuditLog log, AuditQuery q) {
    return log.query(q).records().stream().map(AuditRecord::subject).toList();
  }

  @Test
  void query_pagesWithCursor_withoutGapsOrRepeats() {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 25);
    List<Long> seen = new ArrayList<>();
    AuditQuery q = AuditQuery.builder().chain(chain).subject("orders.>").limit(10).build();

    AuditPage page = log.query(q);
    seen.addAll(page.records().stream().map(AuditRecord::seq).toList());
    while (page.nextCursor().isPresent()) {
      page = log.query(q.after(page.nextCursor().get()));
      seen.addAll(page.records().stream().map(AuditRecord::seq).toList());
    }

    assertThat(seen)
        .hasSize(25)
        .doesNotHaveDuplicates()
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void verify_untouchedChain_isIntact() {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 20);

    VerifyReport report = log.verify(chain);

    assertThat(report.intact()).isTrue();
    assertThat(report.chains())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.checked()).isEqualTo(20);
              assertThat(c.lastSeq()).isEqualTo(20);
            });
  }

  @Test
  void verify_recordChangedWithSql_reportsChangedAtItsSeq() throws SQLException {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 10);

    sql(
        "UPDATE audit_record SET outcome = 'allowed', status = 200 WHERE chain = ? AND seq = 4",
        chain);

    assertBreak(log.verify(chain), chain, 4, Kind.CHANGED);
  }

  @Test
  void verify_recordDeletedWithSql_reportsTheGap() throws SQLException {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 10);

    sql("DELETE FROM audit_record WHERE chain = ? AND seq = 6", chain);

    assertBreak(log.verify(chain), chain, 6, Kind.DELETED);
  }

  @Test
  void verify_lastRecordsDeletedWithSql_reportsDeletedAgainstTheHead() throws SQLException {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 10);

    sql("DELETE FROM audit_record WHERE chain = ? AND seq >= 9", chain);

    assertBreak(log.verify(chain), chain, 9, Kind.DELETED);
  }

  @Test
  void verify_forgedRecordInsertedWithSql_reportsInserted() throws SQLException {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 5);
    AuditRecord last =
        log.query(AuditQuery.builder().chain(chain).limit(1).build()).records().get(0);
    AuditRecord forged =
        AuditRecord.chained(
            chain,
            6,
            Entries.published("mallory", "orders.eu", "x").stampedAt(clock.instant()),
            null,
            last.hash());

    insertRaw(forged);

    assertBreak(log.verify(chain), chain, 6, Kind.INSERTED);
  }

  @Test
  void verify_recordInsertedMidChainWithRenumbering_reportsInsertedAtItsSeq() throws SQLException {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 6);
    AuditRecord second = recordAt(log, chain, 2);
    for (long seq = 6; seq >= 3; seq--) {
      sql("UPDATE audit_record SET seq = ? WHERE chain = ? AND seq = ?", seq + 1, chain, seq);
    }
    AuditEntry fake = Entries.published("mallory", "orders.eu", "x").stampedAt(clock.instant());

    insertRaw(AuditRecord.chained(chain, 3, fake, null, second.hash()));

    assertBreak(log.verify(chain), chain, 3, Kind.INSERTED);
  }

  @Test
  void verify_twoRecordsSwappedWithSql_reportsReordered() throws SQLException {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 8);

    sql("UPDATE audit_record SET seq = -1 WHERE chain = ? AND seq = 3", chain);
    sql("UPDATE audit_record SET seq = 3 WHERE chain = ? AND seq = 4", chain);
    sql("UPDATE audit_record SET seq = 4 WHERE chain = ? AND seq = -1", chain);

    assertBreak(log.verify(chain), chain, 3, Kind.REORDERED);
  }

  @Test
  void retain_deletesOldRecords_andTheChainStillVerifiesAcrossTheCut() {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 10);
    AuditRecord sixth = recordAt(log, chain, 6);
    clock.advance(Duration.ofDays(30));
    Instant sixthAge = sixth.time();

    RetentionResult result =
        log.retain(Duration.between(sixthAge, clock.instant()).minusMillis(500));
    appendPublished(log, 2);

    assertThat(result.deleted()).isEqualTo(6);
    assertThat(result.record())
        .get()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(AuditAction.RETENTION);
              assertThat(r.seq()).isEqualTo(11);
              assertThat(r.retentionCut()).contains(new RetentionCut(6, sixth.hash()));
            });
    VerifyReport report = log.verify(chain);
    assertThat(report.intact()).as(report.toText()).isTrue();
    assertThat(report.chains().get(0).firstSeq()).isEqualTo(7);
    assertThat(report.chains().get(0).lastSeq()).isEqualTo(13);
  }

  @Test
  void verify_cutWithoutRetentionRecord_reportsDeletedFromTheStart() throws SQLException {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 5);

    sql("DELETE FROM audit_record WHERE chain = ? AND seq <= 2", chain);

    assertBreak(log.verify(chain), chain, 1, Kind.DELETED);
  }

  @Test
  void twoChainsInOneStore_verifyIndependently() throws SQLException {
    String a = uniqueChain();
    String b = uniqueChain();
    AuditLog logA = logWith(a, 5);
    AuditLog logB = logWith(b, 5);
    appendPublished(logA, 3);

    sql("UPDATE audit_record SET subject = 'orders.forged' WHERE chain = ? AND seq = 2", b);

    assertThat(logA.verify(a).intact()).isTrue();
    assertBreak(logA.verify(b), b, 2, Kind.CHANGED);
    VerifyReport all = logA.verify();
    assertThat(all.chains()).extracting(ChainReport::chain).contains(a, b);
    assertThat(all.chains())
        .filteredOn(c -> c.chain().equals(a))
        .singleElement()
        .satisfies(c -> assertThat(c.intact()).isTrue());
    assertThat(all.intact()).isFalse();
  }

  @Test
  void entryBuiltFromARequestCarryingAToken_neverHoldsTheToken() {
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";
    Map<String, String> headers =
        Map.of("Authorization", "Bearer " + token, "X-API-Key", "sk_live_123");
    String chain = uniqueChain();
    AuditLog log = open(chain);
    AuditEntry entry =
        AuditEntry.builder(
                AuditIdentity.of("jwt", "alice", "https://issuer.test"),
                AuditAction.PUBLISH,
                "orders.eu")
            .denied(401, "token rejected: " + headers.get("Authorization"))
            .correlationId("c-1")
            .build();

    log.append(entry);
    await().until(() -> log.stats().written() == 1);

    AuditRecord stored = log.query(AuditQuery.builder().chain(chain).build()).records().get(0);
    assertThat(stored.toJson())
        .doesNotContain(token)
        .doesNotContain("sk_live_123")
        .contains("[redacted]");
    assertThat(stored.toString()).doesNotContain(token);
    assertThat(log.verify(chain).intact()).isTrue();
  }

  @Test
  void mirror_seesEachRecordAfterItIsStored() {
    String chain = uniqueChain();
    List<AuditRecord> mirrored = new CopyOnWriteArrayList<>();
    AuditLog log = open(chain, mirrored::add);

    appendPublished(log, 4);

    assertThat(mirrored).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(log.query(AuditQuery.builder().chain(chain).build()).records()).hasSize(4);
  }

  @Test
  void mirrorThatThrows_doesNotStopTheWriter() {
    String chain = uniqueChain();
    AuditLog log =
        open(
            chain,
            r -> {
              throw new IllegalStateException("mirror down");
            });

    appendPublished(log, 3);

    assertThat(log.verify(chain).intact()).isTrue();
  }

  @Test
  void reopeningTheLog_continuesTheChain_andAppliesNoMigrationTwice() throws SQLException {
    String chain = uniqueChain();
    AuditLog first = logWith(chain, 3);
    first.close();
    AuditLog second = logWith(chain, 2);

    assertThat(second.verify(chain).chains().get(0).lastSeq()).isEqualTo(5);
    assertThat(second.verify(chain).intact()).isTrue();
    try (Connection c = DriverManager.getConnection(jdbcUrl(), username(), "");
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getInt(2)).isEqualTo(1);
    }
  }

  @Test
  void auditVerifier_readsTheStoreWithoutALog() throws SQLException {
    String chain = uniqueChain();
    logWith(chain, 4);
    sql("UPDATE audit_record SET identity_id = 'someone-else' WHERE chain = ? AND seq = 3", chain);

    VerifyReport report = AuditVerifier.verify(jdbcUrl(), username(), "", Optional.of(chain));

    assertBreak(report, chain, 3, Kind.CHANGED);
    assertThat(report.toText()).contains("BROKEN").contains("seq 3").contains("CHANGED");
  }

  private AuditRecord recordAt(AuditLog log, String chain, long seq) {
    return log.query(AuditQuery.builder().chain(chain).limit(1000).build()).records().stream()
        .filter(r -> r.seq() == seq)
        .findFirst()
        .orElseThrow();
  }

  private void insertRaw(AuditRecord r) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl(), username(), "")) {
      RecordTable.insert(c, List.of(r));
    }
  }

  private static void assertBreak(VerifyReport report, String chain, long seq, Kind kind) {
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
}
