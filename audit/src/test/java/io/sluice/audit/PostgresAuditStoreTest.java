package io.sluice.audit;

import io.sluice.testkit.servers.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit store contract on the real PostgreSQL, in a schema of its own dropped afterwards. */
class PostgresAuditStoreTest extends AuditStoreContract {
  @RegisterExtension static final PostgresSchema SCHEMA = new PostgresSchema();

  @Override
  protected String jdbcUrl() {
    return SCHEMA.url();
  }

  @Override
  protected String username() {
    return SCHEMA.user();
  }
}
