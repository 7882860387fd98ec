package io.sluice.library.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.library.ConsumerOptions;
import io.sluice.library.DeadLetters;
import io.sluice.library.EventSubscription;
import io.sluice.library.EventType;
import io.sluice.library.Handlers;
import io.sluice.library.NonRetryableException;
import io.sluice.library.PublishOptions;
import io.sluice.library.Publisher;
import io.sluice.library.RetryPolicy;
import io.sluice.library.Sluice;
import io.sluice.library.idempotency.ProcessedKeyStore;
import io.sluice.library.outbox.Outbox;
import io.sluice.library.outbox.OutboxRelay;
import io.sluice.library.outbox.OutboxRelayOptions;
import io.sluice.library.testing.TestBroker;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The code of docs/library.md, section by section, compiled and run as part of the build. */
class LibraryGuideExamplesTest {

  // tag::contract[]
  @EventType(name = "user.created", version = 1)
  record UserCreated(@NotBlank String userId, @NotBlank @Email String email) {}

  // end::contract[]

  private final TestBroker broker = TestBroker.create();
  private final Sluice sluice = broker.client();
  private final List<String> welcomed = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    sluice.close();
    broker.close();
  }

  private void sendWelcomeMail(String email) {
    if (email.endsWith("@blocked.example")) {
      throw new NonRetryableException("mail to " + email + " is not allowed");
    }
    welcomed.add(email);
  }

  @Test
  void publishAndHandle() {
    // tag::handler[]
    EventSubscription onboarding =
        sluice.subscribe(
            "users.created",
            UserCreated.class,
            Handlers.of(UserCreated.class, event -> sendWelcomeMail(event.payload().email()))
                .withRetry(
                    RetryPolicy.exponential(5, Duration.ofMillis(100), Duration.ofSeconds(5))
                        .withJitter(0.2))
                .withIdempotency(ProcessedKeyStore.inMemory(Duration.ofDays(1)))
                .withDeadLetter("deadletter.users"),
            ConsumerOptions.named("onboarding").withConcurrency(8));
    // end::handler[]

    // tag::publish[]
    Publisher<UserCreated> users = sluice.publisher("users.created", UserCreated.class);
    users.publish(
        new UserCreated("u-42", "ada@example.com"),
        PublishOptions.defaults().withCorrelationId("signup-42").withIdempotencyKey("user-u-42"));
    // end::publish[]

    await().until(() -> welcomed.contains("ada@example.com"));
    onboarding.close();
  }

  @Test
  void testingWithTheTestBroker() {
    // tag::testing[]
    sluice.subscribe(
        "users.created",
        UserCreated.class,
        Handlers.of(UserCreated.class, event -> sendWelcomeMail(event.payload().email()))
            .withDeadLetter("deadletter.users"),
        ConsumerOptions.named("onboarding"));

    sluice
        .publisher("users.created", UserCreated.class)
        .publish(new UserCreated("u-7", "eve@blocked.example"));

    await().until(() -> broker.deadLettered().size() == 1);
    assertThat(broker.deadLettered().getFirst().reason()).isEqualTo(DeadLetters.REASON_REJECTED);
    assertThat(broker.published("deadletter.users").getFirst().extension(DeadLetters.ERROR_MESSAGE))
        .contains("mail to eve@blocked.example is not allowed");
    assertThat(broker.handled()).isEmpty();
    // end::testing[]
  }

  @Test
  void outbox() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:guide" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Publisher<UserCreated> users = sluice.publisher("users.created", UserCreated.class);
    // tag::outbox[]
    Outbox outbox = Outbox.create();
    outbox.migrate(dataSource); // CREATE TABLE IF NOT EXISTS sluice_outbox (...)

    try (Connection tx = dataSource.getConnection()) {
      tx.setAutoCommit(false);
      // ... insert the user row with tx ...
      UserCreated created = new UserCreated("u-43", "grace@example.com");
      outbox.append(tx, "users.created", users.toEvent(created, PublishOptions.defaults()));
      tx.commit(); // the user and the event, or neither
    }

    try (OutboxRelay relay =
        OutboxRelay.create(dataSource, broker, OutboxRelayOptions.defaults()).start()) {
      await().until(() -> broker.published("users.created").size() == 1);
    }
    // end::outbox[]
  }
}
