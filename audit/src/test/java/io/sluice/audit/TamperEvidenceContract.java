package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.audit.ChainBreak.Kind;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tamper evidence on every store: records changed, deleted, inserted or moved with plain SQL are
 * found by verify at their position; retention cuts and separate chains still verify.
 */
abstract class TamperEvidenceContract extends StoreTestBase {

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

  /** Plain SQL run against a chain of {@code records} records, and the break verify must report. */
  record SqlTamper(String name, int records, List<String> statements, long seq, Kind kind) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<SqlTamper> sqlTampering() {
    return Stream.of(
        new SqlTamper(
            "record changed: CHANGED at its seq",
            10,
            List.of(
                "UPDATE audit_record SET outcome = 'allowed', status = 200"
                    + " WHERE chain = ? AND seq = 4"),
            4,
            Kind.CHANGED),
        new SqlTamper(
            "record deleted: DELETED at the gap",
            10,
            List.of("DELETE FROM audit_record WHERE chain = ? AND seq = 6"),
            6,
            Kind.DELETED),
        new SqlTamper(
            "last records deleted: DELETED against the head",
            10,
            List.of("DELETE FROM audit_record WHERE chain = ? AND seq >= 9"),
            9,
            Kind.DELETED),
        new SqlTamper(
            "two records swapped: REORDERED",
            8,
            List.of(
                "UPDATE audit_record SET seq = -1 WHERE chain = ? AND seq = 3",
                "UPDATE audit_record SET seq = 3 WHERE chain = ? AND seq = 4",
                "UPDATE audit_record SET seq = 4 WHERE chain = ? AND seq = -1"),
            3,
            Kind.REORDERED),
        new SqlTamper(
            "first records cut without a retention record: DELETED from the start",
            5,
            List.of("DELETE FROM audit_record WHERE chain = ? AND seq <= 2"),
            1,
            Kind.DELETED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sqlTampering")
  void verify_chainTamperedWithSql_reportsTheFirstBreak(SqlTamper tamper) throws SQLException {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, tamper.records());

    for (String statement : tamper.statements()) {
      sql(statement, chain);
    }

    assertBreak(log.verify(chain), chain, tamper.seq(), tamper.kind());
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
  void secondRetentionCut_deletesTheFirstRetentionRecord_andTheChainStillVerifies() {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 4);
    clock.advance(Duration.ofDays(10));
    log.retain(Duration.ofDays(5));
    appendPublished(log, 3);
    clock.advance(Duration.ofDays(10));

    RetentionResult second = log.retain(Duration.ofDays(5));

    assertThat(second.deleted()).isEqualTo(4);
    assertThat(second.record().orElseThrow().retentionCut().orElseThrow().lastDeletedSeq())
        .isEqualTo(8);
    VerifyReport report = log.verify(chain);
    assertThat(report.intact()).as(report.toText()).isTrue();
    assertThat(report.chains().get(0).checked()).isEqualTo(1);
  }

  @Test
  void tamperedRetentionRecord_isReportedChanged() throws SQLException {
    String chain = uniqueChain();
    AuditLog log = logWith(chain, 4);
    clock.advance(Duration.ofDays(10));
    log.retain(Duration.ofDays(5));

    sql("UPDATE audit_record SET cut_seq = 2 WHERE chain = ? AND seq = 5", chain);

    assertThat(log.verify(chain).intact()).isFalse();
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
  void auditVerifier_readsTheStoreWithoutALog() throws SQLException {
    String chain = uniqueChain();
    logWith(chain, 4);
    sql("UPDATE audit_record SET identity_id = 'someone-else' WHERE chain = ? AND seq = 3", chain);

    VerifyReport report = AuditVerifier.verify(jdbcUrl(), username(), "", Optional.of(chain));

    assertBreak(report, chain, 3, Kind.CHANGED);
    assertThat(report.toText()).contains("BROKEN").contains("seq 3").contains("CHANGED");
  }
}
