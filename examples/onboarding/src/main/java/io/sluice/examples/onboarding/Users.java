package io.sluice.examples.onboarding;

import io.sluice.library.PublishOptions;
import io.sluice.library.Publisher;
import io.sluice.library.outbox.Outbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/** Creates users: the row and its {@code user.created} event in one transaction. */
final class Users {
  static final String SUBJECT = "users.created";

  private final DataSource dataSource;
  private final Outbox outbox;
  private final Publisher<UserCreated> events;

  Users(DataSource dataSource, Outbox outbox, Publisher<UserCreated> events) {
    this.dataSource = dataSource;
    this.outbox = outbox;
    this.events = events;
  }

  void migrate() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS users (id VARCHAR(64) PRIMARY KEY,"
              + " email VARCHAR(320) NOT NULL)");
    }
    outbox.migrate(dataSource);
  }

  /** Inserts the user and the event atomically; returns the new user's id. */
  UserCreated create(String email, String correlationId) throws SQLException {
    UserCreated user = new UserCreated(UUID.randomUUID().toString(), email);
    PublishOptions options =
        PublishOptions.defaults()
            .withCorrelationId(correlationId)
            .withIdempotencyKey("user.created " + user.userId())
            .withPartitionKey(user.userId());
    try (Connection tx = dataSource.getConnection()) {
      tx.setAutoCommit(false);
      try (PreparedStatement s = tx.prepareStatement("INSERT INTO users VALUES (?, ?)")) {
        s.setString(1, user.userId());
        s.setString(2, email);
        s.executeUpdate();
      }
      outbox.append(tx, SUBJECT, events.toEvent(user, options));
      tx.commit();
    }
    return user;
  }
}
