package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SelfSignedCertificate;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TlsTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @Test
  void serverTls_servesHttps_withTheConfiguredCertificate() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("localhost");
    String yaml =
        // a whole server section replaces the harness's, so it repeats host and port 0
        "server:\n  host: 127.0.0.1\n  port: 0\n  tls:\n    cert: "
            + cert.certificatePath()
            + "\n    key: "
            + cert.privateKeyPath()
            + "\n";
    try (GatewayHarness harness = GatewayHarness.start(yaml, new TestPolicy());
        HttpClient https = trusting(Path.of(cert.certificatePath()))) {
      assertThat(harness.gateway().baseUrl()).startsWith("https://");
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "https://localhost:" + harness.gateway().port() + "/v1/events/orders.tls"))
              .header("Authorization", "Bearer " + harness.token("alice"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{}"))
              .build();

      HttpResponse<String> response = https.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(202);
    } finally {
      cert.delete();
    }
  }

  /** A client that trusts exactly this certificate (issued to localhost). */
  private static HttpClient trusting(Path pem) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      Certificate c = CertificateFactory.getInstance("X.509").generateCertificate(in);
      trust.setCertificateEntry("gateway", c);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).build();
  }
}
