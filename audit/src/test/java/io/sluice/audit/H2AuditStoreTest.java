package io.sluice.audit;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The audit store contract on an embedded H2 file database in a temporary directory. */
class H2AuditStoreTest extends AuditStoreContract {
  @TempDir static Path dir;

  @Override
  protected String jdbcUrl() {
    return "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath();
  }
}
