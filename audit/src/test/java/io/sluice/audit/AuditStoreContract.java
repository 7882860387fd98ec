package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every audit store (H2, PostgreSQL) must do for the log; subclasses hand over a database. */
abstract class AuditStoreContract extends StoreTestBase {

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
      assertThat(Migrations.latestVersion()).isPositive();
      assertThat(rs.getInt(1)).isEqualTo(Migrations.latestVersion());
      assertThat(rs.getInt(2)).isEqualTo(Migrations.latestVersion());
    }
  }

  @Test
  void configuredRetention_runsOnTheWriterThread_andLeavesAVerifiableChain() {
    String chain = uniqueChain();
    AuditLog log = open(AuditConfig.builder().chain(chain).retention(Duration.ofDays(1)), r -> {});
    appendPublished(log, 5);

    clock.advance(Duration.ofDays(2));
    appendPublished(log, 1);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> log.verify(chain).chains().get(0).firstSeq() == 6);
    assertThat(log.verify(chain).intact()).isTrue();
  }
}
