package io.sluice.audit;

import java.util.Objects;

/**
 * Where records are stored: an H2 file database ({@code jdbc:h2:file:...}, the default) or
 * PostgreSQL ({@code jdbc:postgresql://host:5432/db}). The password is never printed.
 */
public record StoreConfig(String url, String username, String password) {
  /** The default store: an embedded H2 database under {@code ./sluice-data}. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./sluice-data/audit";

  public StoreConfig {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "store url must start with jdbc:h2: or jdbc:postgresql: but was '" + redact(url) + "'");
    }
    username = username == null ? "" : username;
    password = password == null ? "" : password;
  }

  public static StoreConfig of(String url) {
    return new StoreConfig(url, "", "");
  }

  public static StoreConfig of(String url, String username, String password) {
    return new StoreConfig(url, username, password);
  }

  boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** An H2 database opened inside this process (a file or memory), not reached over the network. */
  boolean isEmbedded() {
    return url.startsWith("jdbc:h2:")
        && !url.startsWith("jdbc:h2:tcp:")
        && !url.startsWith("jdbc:h2:ssl:");
  }

  /** The URL without anything that looks like a credential. */
  static String redact(String url) {
    return url.replaceAll("//[^/@]*@", "//***@").replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
  }

  @Override
  public String toString() {
    return "StoreConfig[url=" + redact(url) + ", username=" + username + ", password=***]";
  }
}
