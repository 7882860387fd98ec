package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProxyMtlsTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();
  @TempDir Path dir;

  @Test
  void upstreamRequiringAClientCertificate_isReached_andRotatedFilesAreReloaded() {
    TestCertificates ca = TestCertificates.authority(dir);
    ca.issue("upstream", dir.resolve("upstream.pem"), dir.resolve("upstream.key"));
    Path clientCert = dir.resolve("client.pem");
    Path clientKey = dir.resolve("client.key");
    ca.issue("client-one", clientCert, clientKey);
    HttpServerOptions tls =
        new HttpServerOptions()
            .setSsl(true)
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .setCertPath(dir.resolve("upstream.pem").toString())
                    .setKeyPath(dir.resolve("upstream.key").toString()))
            .setTrustOptions(new PemTrustOptions().addCertPath(ca.caFile().toString()))
            .setClientAuth(ClientAuth.REQUIRED);
    String yaml =
        """
        proxy:
          routes:
            - {name: secure, pathPrefix: /secure, upstream: secure}
          pools:
            - name: secure
              instances: %s
              tls: {caFile: "%s", certFile: "%s", keyFile: "%s"}
        """;
    try (UpstreamServers u =
            UpstreamServers.start(1, tls, (i, req) -> req.response().end(peer(req)));
        GatewayHarness gw =
            GatewayHarness.start(
                yaml.formatted(u.instances("https"), ca.caFile(), clientCert, clientKey),
                new ProxyPolicy())) {
      String token = gw.token("alice");

      assertThat(gw.get("/secure/1", token).body()).isEqualTo("CN=client-one");

      ca.issue("client-two", clientCert, clientKey);
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> assertThat(gw.get("/secure/2", token).body()).isEqualTo("CN=client-two"));
    }
  }

  private static String peer(io.vertx.core.http.HttpServerRequest req) {
    try {
      return ((X509Certificate) req.connection().peerCertificates().get(0))
          .getSubjectX500Principal()
          .getName();
    } catch (Exception e) {
      return "no client certificate: " + e;
    }
  }
}
