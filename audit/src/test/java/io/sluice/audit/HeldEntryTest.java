package io.sluice.audit;

import static io.sluice.audit.StoreOutageSupport.config;
import static io.sluice.audit.StoreOutageSupport.numbered;
import static io.sluice.audit.StoreOutageSupport.storedIdsInChainOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AuditLog#hold}: one record per decision and outcome, with room kept for the outcome. */
class HeldEntryTest {
  private static final Instant DECIDED = Instant.parse("2026-11-23T10:00:00.000001Z");

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
  void completedHold_writesOneRecord_theOutcome_atTheDecisionTime() throws Exception {
    server.start();
    try (AuditLog log = open(OnStoreFailure.REFUSE, 10)) {
      HeldEntry held = log.hold(decision("e-1")).orElseThrow();
      assertThat(log.stats().written()).isZero();

      held.complete(Entries.published("alice", "orders.eu", "e-1"));

      await().until(() -> log.stats().written() == 1);
      AuditRecord record = log.query(AuditQuery.all()).records().get(0);
      assertThat(record.entry().status()).isEqualTo(202);
      assertThat(record.entry().receipt()).isEqualTo("stream ORDERS seq 1");
      assertThat(record.time()).isEqualTo(DECIDED);
      assertThat(log.verify().intact()).isTrue();
    }
  }

  @Test
  void holdIsRefused_whenTheStoreIsUnreachable_inRefuseMode() throws Exception {
    try (AuditLog log = open(OnStoreFailure.REFUSE, 10)) {
      assertThat(log.hold(decision("e-1"))).isEmpty();
      assertThat(log.stats().refused()).isEqualTo(1);
    }
  }

  @Test
  void heldDecisions_keepTheirRoom_soAppendsAreRefusedBeforeACompletionCouldBe() throws Exception {
    server.start();
    try (AuditLog log = open(OnStoreFailure.REFUSE, 2)) {
      List<HeldEntry> held =
          List.of(log.hold(decision("e-1")).orElseThrow(), log.hold(decision("e-2")).orElseThrow());

      assertThat(log.hold(decision("e-3"))).isEmpty();
      assertThat(log.append(numbered(4))).isEqualTo(AppendResult.REFUSED);
      assertThat(log.isAccepting()).isFalse();

      held.get(1).complete(numbered(2));
      held.get(0).complete(numbered(1));
      await().until(() -> log.stats().written() == 2);
      assertThat(log.isAccepting()).isTrue();
      assertThat(storedIdsInChainOrder(server.url("audit"))).containsExactly("e-2", "e-1");
    }
  }

  @Test
  void completingTwice_isAnError() throws Exception {
    server.start();
    try (AuditLog log = open(OnStoreFailure.REFUSE, 10)) {
      HeldEntry held = log.hold(decision("e-1")).orElseThrow();
      held.complete(numbered(1));
      assertThatThrownBy(() -> held.complete(numbered(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("completed already");
    }
  }

  @Test
  void closingWithAHeldDecision_recordsTheDecisionOnItsOwn() throws Exception {
    server.start();
    AuditLog log = open(OnStoreFailure.SPOOL, 10);
    Optional<HeldEntry> held = log.hold(decision("e-1"));
    assertThat(held).isPresent();

    log.close();

    assertThat(log.stats().written()).isEqualTo(1);
    assertThat(storedIdsInChainOrder(server.url("audit"))).containsExactly("e-1");
  }

  /** Opens a log; with the server running, waits until it has reached the store. */
  private AuditLog open(OnStoreFailure mode, int queueCapacity) {
    AuditLog log =
        AuditLog.open(config(server.url("audit"), mode, dir.resolve("spool"), queueCapacity));
    if (server.running()) {
      await().until(() -> log.stats().storeReachable());
    }
    return log;
  }

  private static AuditEntry decision(String eventId) {
    return AuditEntry.builder(
            AuditIdentity.of("jwt", "alice", "https://issuer.test"),
            AuditAction.PUBLISH,
            "orders.eu")
        .allowed(0, null)
        .eventId(eventId)
        .time(DECIDED)
        .build();
  }
}
