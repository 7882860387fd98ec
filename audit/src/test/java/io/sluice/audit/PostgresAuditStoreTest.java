package io.sluice.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The audit store contract on the real PostgreSQL, in a schema of its own dropped afterwards. */
class PostgresAuditStoreTest extends AuditStoreContract {
  private static final PostgresSchema SCHEMA = new PostgresSchema();

  @BeforeAll
  static void createSchema() {
    SCHEMA.create();
  }

  @AfterAll
  static void dropSchema() {
    SCHEMA.drop();
  }

  @Override
  protected String jdbcUrl() {
    return SCHEMA.url();
  }

  @Override
  protected String username() {
    return PostgresSchema.USER;
  }
}
