package io.sluice.library.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.library.support.PostgresSchema;
import io.sluice.library.support.RedisServer;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same promises checked against every store, each on its real backend. */
class ProcessedKeyStoreTest {

  abstract static class Contract {
    abstract ProcessedKeyStore store(Duration retention);

    @Test
    @DisplayName("a key is unknown until marked, then known")
    void markProcessed_thenIsProcessed() {
      ProcessedKeyStore store = store(Duration.ofHours(1));
      String key = "k-" + UUID.randomUUID();

      assertThat(store.isProcessed(key)).isFalse();
      assertThat(store.markProcessed(key)).isTrue();
      assertThat(store.isProcessed(key)).isTrue();
    }

    @Test
    @DisplayName("the first marker wins")
    void markProcessed_twice_secondReturnsFalse() {
      ProcessedKeyStore store = store(Duration.ofHours(1));
      String key = "k-" + UUID.randomUUID();

      store.markProcessed(key);

      assertThat(store.markProcessed(key)).isFalse();
    }

    @Test
    @DisplayName("a key is forgotten after the retention window")
    void isProcessed_afterRetention_isFalseAndKeyCanBeMarkedAgain() {
      ProcessedKeyStore store = store(Duration.ofMillis(200));
      String key = "k-" + UUID.randomUUID();
      store.markProcessed(key);

      await().atMost(Duration.ofSeconds(5)).until(() -> !store.isProcessed(key));
      assertThat(store.markProcessed(key)).isTrue();
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
    @RegisterExtension static final RedisServer redis = new RedisServer();

    @Override
    ProcessedKeyStore store(Duration retention) {
      return ProcessedKeyStore.redis(redis.connection(), "sluice:test:", retention);
    }
  }

  @Test
  void inMemory_zeroRetention_isRejectedWithTheValue() {
    Function<Duration, ProcessedKeyStore> create = ProcessedKeyStore::inMemory;
    assertThatThrownBy(() -> create.apply(Duration.ZERO))
        .hasMessage("retention must be > 0 but was PT0S");
  }
}
