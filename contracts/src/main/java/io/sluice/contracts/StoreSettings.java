package io.sluice.contracts;

import java.util.Objects;

/**
 * Where runtime registrations are kept: any JDBC URL, H2 and PostgreSQL are tested.
 *
 * @param jdbcUrl e.g. {@code jdbc:h2:file:./sluice-data/contracts} or {@code
 *     jdbc:postgresql://db:5432/sluice}
 * @param user the database user, may be empty
 * @param password the database password, may be empty; never logged or shown in errors
 */
public record StoreSettings(String jdbcUrl, String user, String password) {
  /** The default: an H2 database file under {@code ./sluice-data}. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./sluice-data/contracts";

  public StoreSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "store url must start with 'jdbc:' but was '"
              + jdbcUrl.replaceAll("//[^/@]*@", "//***@")
              + "'");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /** An H2 database file at the given path (without the {@code .mv.db} suffix). */
  public static StoreSettings h2File(java.nio.file.Path file) {
    return new StoreSettings("jdbc:h2:file:" + file.toAbsolutePath(), "", "");
  }

  @Override
  public String toString() {
    return "StoreSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
  }
}
