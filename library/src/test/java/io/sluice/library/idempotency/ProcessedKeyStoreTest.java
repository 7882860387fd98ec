package io.sluice.library.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.sluice.library.idempotency.ProcessedKeyStore.Claim;
import io.sluice.testkit.servers.PostgresSchema;
import io.sluice.testkit.servers.RedisServerExtension;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same promises checked against every store, each on its real backend. */
class ProcessedKeyStoreTest {

  abstract static class Contract {
    abstract ProcessedKeyStore store(Duration retention);

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    @DisplayName("the first claim is acquired; a second one sees the work in progress")
    void claim_twice_secondIsInProgress() {
      ProcessedKeyStore store = store(Duration.ofHours(1));
      String key = "k-" + UUID.randomUUID();

      assertThat(store.claim(key, LEASE)).isEqualTo(Claim.ACQUIRED);
      assertThat(store.claim(key, LEASE)).isEqualTo(Claim.IN_PROGRESS);
      assertThat(store.isProcessed(key)).isFalse();
    }

    @Test
    @DisplayName("a completed key is processed and later claims skip it")
    void complete_thenClaim_isAlreadyProcessed() {
      ProcessedKeyStore store = store(Duration.ofHours(1));
      String key = "k-" + UUID.randomUUID();
      store.claim(key, LEASE);

      store.complete(key);

      assertThat(store.isProcessed(key)).isTrue();
      assertThat(store.claim(key, LEASE)).isEqualTo(Claim.ALREADY_PROCESSED);
    }

    @Test
    @DisplayName("a released key can be claimed again by a retry")
    void release_thenClaim_isAcquired() {
      ProcessedKeyStore store = store(Duration.ofHours(1));
      String key = "k-" + UUID.randomUUID();
      store.claim(key, LEASE);

      store.release(key);

      assertThat(store.claim(key, LEASE)).isEqualTo(Claim.ACQUIRED);
    }

    @Test
    @DisplayName("a claim whose lease ran out can be taken over")
    void claim_afterLeaseExpired_isAcquired() {
      ProcessedKeyStore store = store(Duration.ofHours(1));
      String key = "k-" + UUID.randomUUID();
      store.claim(key, Duration.ofMillis(100));

      await().atMost(Duration.ofSeconds(5)).until(() -> store.claim(key, LEASE) == Claim.ACQUIRED);
    }

    @Test
    @DisplayName("a processed key is forgotten after the retention window")
    void isProcessed_afterRetention_isFalseAndKeyCanBeClaimedAgain() {
      ProcessedKeyStore store = store(Duration.ofMillis(200));
      String key = "k-" + UUID.randomUUID();
      store.claim(key, LEASE);
      store.complete(key);

      await().atMost(Duration.ofSeconds(5)).until(() -> !store.isProcessed(key));
      assertThat(store.claim(key, LEASE)).isEqualTo(Claim.ACQUIRED);
    }
  }

  @Nested
  class InMemory extends Contract {
    @Override
    ProcessedKeyStore store(Duration retention) {
      return ProcessedKeyStore.inMemory(retention);
    }
  }

  @Nested
  class Postgres extends Contract {
    @RegisterExtension static final PostgresSchema db = new PostgresSchema();

    @Override
    ProcessedKeyStore store(Duration retention) {
      return ProcessedKeyStore.jdbc(db.dataSource(), retention);
    }
  }

  @Nested
  class H2 extends Contract {
    @Override
    ProcessedKeyStore store(Duration retention) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:keys" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      return ProcessedKeyStore.jdbc(h2, retention);
    }
  }

  @Nested
  class Redis extends Contract {
    @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();
    static RedisClient client;
    static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
      client = RedisClient.create(REDIS.url());
      connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
      connection.close();
      client.shutdown();
    }

    @Override
    ProcessedKeyStore store(Duration retention) {
      return ProcessedKeyStore.redis(connection, "sluice:test:", retention);
    }
  }

  @Test
  void inMemory_zeroRetention_isRejectedWithTheValue() {
    Function<Duration, ProcessedKeyStore> create = ProcessedKeyStore::inMemory;
    assertThatThrownBy(() -> create.apply(Duration.ZERO))
        .hasMessage("retention must be > 0 but was PT0S");
  }
}
