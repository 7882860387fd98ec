package io.sluice.contracts;

import java.util.Objects;

/**
 * The gateway as the documents present it.
 *
 * @param title the API title
 * @param version the API version
 * @param host host and port, e.g. {@code events.example.com:8080}
 * @param tls true when the gateway serves HTTPS
 * @param description one or two sentences for readers
 */
public record ServerInfo(
    String title, String version, String host, boolean tls, String description) {
  public ServerInfo {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(description, "description");
    if (host.isBlank() || host.contains("/")) {
      throw new IllegalArgumentException("host must be host[:port] but was '" + host + "'");
    }
  }

  /** The base URL, e.g. {@code https://events.example.com}. */
  public String url() {
    return (tls ? "https://" : "http://") + host;
  }
}
