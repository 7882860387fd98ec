package io.sluice.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Verifies a store's chains without opening a log (no writer, no migrations): what {@code sluice
 * audit verify --config f} runs.
 */
public final class AuditVerifier {
  private AuditVerifier() {}

  /** Verifies every chain (or only {@code chain}) in the store of this configuration. */
  public static VerifyReport verify(AuditConfig config, Optional<String> chain) {
    StoreConfig s = config.store();
    return verify(s.url(), s.username(), s.password(), chain);
  }

  /**
   * Verifies every chain, or only {@code chain}, in the store at {@code jdbcUrl}.
   *
   * @throws AuditStoreException when the store cannot be reached or holds no audit tables
   */
  public static VerifyReport verify(
      String jdbcUrl, String username, String password, Optional<String> chain) {
    StoreConfig store = StoreConfig.of(jdbcUrl, username, password);
    try (Connection c =
        DriverManager.getConnection(
            existingOnly(store.url()), store.username(), store.password())) {
      requireTables(c, store);
      return ChainVerifier.verify(c, chain);
    } catch (SQLException e) {
      throw new AuditStoreException(
          "cannot verify audit store " + StoreConfig.redact(jdbcUrl) + ": " + e.getMessage(), e);
    }
  }

  /** H2 would create an empty database for a wrong path; verify must not. */
  private static String existingOnly(String url) {
    return url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS=")
        ? url + ";IFEXISTS=TRUE"
        : url;
  }

  private static void requireTables(Connection c, StoreConfig store) {
    try {
      Migrations.currentVersion(c);
    } catch (SQLException e) {
      throw new AuditStoreException(
          "no audit tables in "
              + StoreConfig.redact(store.url())
              + " (has a gateway written to it?)",
          e);
    }
  }
}
