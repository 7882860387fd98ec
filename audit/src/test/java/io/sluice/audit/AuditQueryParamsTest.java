package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditQueryParamsTest {

  @Test
  void fromParams_readsEveryFilter() {
    AuditQuery q =
        AuditQuery.fromParams(
            Map.of(
                "identity", "alice",
                "action", "batch-item",
                "subject", "orders.>",
                "outcome", "denied",
                "from", "2026-01-01T00:00:00Z",
                "to", "2026-02-01T00:00:00Z",
                "chain", "gw-1",
                "limit", "25"));

    assertThat(q.identityId()).contains("alice");
    assertThat(q.action()).contains(AuditAction.BATCH_ITEM);
    assertThat(q.subject().orElseThrow().value()).isEqualTo("orders.>");
    assertThat(q.outcome()).contains(AuditOutcome.DENIED);
    assertThat(q.from()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(q.to()).contains(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(q.chain()).contains("gw-1");
    assertThat(q.limit()).isEqualTo(25);
  }

  @Test
  void fromParams_badValue_namesTheParameterAndValue() {
    assertThatThrownBy(() -> AuditQuery.fromParams(Map.of("limit", "5000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("query parameter 'limit' = '5000' is not valid: limit must be");
    assertThatThrownBy(() -> AuditQuery.fromParams(Map.of("subject", "orders.>.eu")))
        .hasMessageStartingWith("query parameter 'subject' = 'orders.>.eu' is not valid");
    assertThatThrownBy(() -> AuditQuery.fromParams(Map.of("colour", "blue")))
        .hasMessageContaining("'colour'")
        .hasMessageContaining("known parameters: action, chain, cursor");
  }
}
