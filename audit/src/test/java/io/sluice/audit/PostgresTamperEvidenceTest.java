package io.sluice.audit;

import io.sluice.testkit.servers.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tamper-evidence contract on the real PostgreSQL, in a schema of its own dropped afterwards.
 */
class PostgresTamperEvidenceTest extends TamperEvidenceContract {
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
