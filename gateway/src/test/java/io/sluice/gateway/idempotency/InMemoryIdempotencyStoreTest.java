package io.sluice.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  final InstantSource clock = now::get;
  final IdempotencyStore store = IdempotencyStore.inMemory(Duration.ofMinutes(1), 3, clock);
  final StoredResponse ok = new StoredResponse(202, Map.of(), new byte[] {1});

  @Test
  void firstClaim_isAcquired_secondWhileRunning_isInProgress() {
    assertThat(store.claim("alice", "k", "h")).isInstanceOf(Claim.Acquired.class);
    assertThat(store.claim("alice", "k", "h")).isInstanceOf(Claim.InProgress.class);
  }

  @Test
  void completedKey_replaysResponse_andOtherHashIsMismatch() {
    store.claim("alice", "k", "h");
    store.complete("alice", "k", ok);

    assertThat(store.claim("alice", "k", "h"))
        .isInstanceOfSatisfying(
            Claim.Replay.class, r -> assertThat(r.response().status()).isEqualTo(202));
    assertThat(store.claim("alice", "k", "other")).isInstanceOf(Claim.Mismatch.class);
  }

  @Test
  void keys_areScopedPerIdentity() {
    store.claim("alice", "k", "h");

    assertThat(store.claim("bob", "k", "h")).isInstanceOf(Claim.Acquired.class);
  }

  @Test
  void releasedKey_canBeClaimedAgain() {
    store.claim("alice", "k", "h");
    store.release("alice", "k");

    assertThat(store.claim("alice", "k", "h")).isInstanceOf(Claim.Acquired.class);
  }

  @Test
  void entries_expireAfterTtl() {
    store.claim("alice", "k", "h");
    store.complete("alice", "k", ok);
    now.set(now.get().plus(Duration.ofMinutes(2)));

    assertThat(store.claim("alice", "k", "other")).isInstanceOf(Claim.Acquired.class);
  }

  @Test
  void store_isBounded_oldestForgottenFirst() {
    for (String key : new String[] {"a", "b", "c", "d"}) {
      store.claim("alice", key, "h");
    }

    assertThat(store.claim("alice", "a", "other")).isInstanceOf(Claim.Acquired.class);
    assertThat(store.claim("alice", "d", "other")).isInstanceOf(Claim.Mismatch.class);
  }
}
