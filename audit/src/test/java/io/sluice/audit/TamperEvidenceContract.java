package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.audit.ChainBreak.Kind;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
  void auditVerifier_readsTheStoreWithoutALog() throws SQLException {
    String chain = uniqueChain();
    logWith(chain, 4);
    sql("UPDATE audit_record SET identity_id = 'someone-else' WHERE chain = ? AND seq = 3", chain);

    VerifyReport report = AuditVerifier.verify(jdbcUrl(), username(), "", Optional.of(chain));

    assertBreak(report, chain, 3, Kind.CHANGED);
    assertThat(report.toText()).contains("BROKEN").contains("seq 3").contains("CHANGED");
  }
}
