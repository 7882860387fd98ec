package io.sluice.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
  private static final Identity ALICE =
      new Identity("jwt", "alice", "https://id.example.test", Map.of(), Set.of(), 2_000);

  @Test
  void entry_isServedUntilItsValidityEnds() {
    VerifiedTokenCache cache = new VerifiedTokenCache(10);
    cache.put("t", ALICE, 2_030, 1_000);

    assertThat(cache.get("t", 2_029)).isEqualTo(ALICE);
    assertThat(cache.get("t", 2_030)).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void fullCache_dropsExpiredEntriesFirstAndNeverGrowsPastItsBound() {
    VerifiedTokenCache cache = new VerifiedTokenCache(100);
    for (int i = 0; i < 50; i++) {
      cache.put("old-" + i, ALICE, 1_500, 1_000);
    }
    for (int i = 0; i < 1_000; i++) {
      cache.put("new-" + i, ALICE, 9_000, 1_600);
      assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    assertThat(cache.get("new-999", 1_600)).isEqualTo(ALICE);
    assertThat(cache.get("old-0", 1_400)).isNull();
  }
}
