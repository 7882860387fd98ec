package io.sluice.gateway.identity;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a request presented: the raw {@code Authorization} header, the raw {@code X-API-Key} header,
 * and the verified TLS client certificate chain. Never logged.
 */
public record Credentials(
    Optional<String> authorization,
    Optional<String> apiKey,
    List<X509Certificate> clientCertificates) {

  public Credentials {
    clientCertificates = List.copyOf(clientCertificates);
  }

  public static Credentials none() {
    return new Credentials(Optional.empty(), Optional.empty(), List.of());
  }

  public boolean isEmpty() {
    return authorization.isEmpty() && apiKey.isEmpty() && clientCertificates.isEmpty();
  }

  @Override
  public String toString() {
    return "Credentials[redacted]";
  }
}
