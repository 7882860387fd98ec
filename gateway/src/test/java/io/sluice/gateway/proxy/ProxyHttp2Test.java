package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code pools[].http2}: the upstream sees HTTP/2, in clear text (prior knowledge) or over TLS. */
class ProxyHttp2Test {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();
  @TempDir Path dir;

  private static String yaml(String instances, boolean http2, String tls) {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: h2, pathPrefix: /h2, upstream: h2}\n"
        + "  pools:\n"
        + "    - {name: h2, http2: "
        + http2
        + ", instances: "
        + instances
        + tls
        + "}\n";
  }

  /** Answers with the protocol version it received and the identity the gateway vouched for. */
  private static UpstreamServers versionEcho(HttpServerOptions options) {
    return UpstreamServers.start(
        1,
        options,
        (i, req) -> req.response().end(req.version() + " " + req.getHeader("Sluice-Identity-Id")));
  }

  @Test
  void http2Pool_overClearText_reachesTheUpstreamAsHttp2() {
    try (UpstreamServers u = versionEcho(new HttpServerOptions());
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), true, ""), new ProxyPolicy())) {
      var response = gw.get("/h2/1", gw.token("alice"));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("HTTP_2 alice");
    }
  }

  @Test
  void http2Pool_overTls_negotiatesHttp2WithAlpn() {
    TestCertificates ca = TestCertificates.authority(dir);
    ca.issue("upstream", dir.resolve("upstream.pem"), dir.resolve("upstream.key"));
    HttpServerOptions tls =
        new HttpServerOptions()
            .setSsl(true)
            .setUseAlpn(true)
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .setCertPath(dir.resolve("upstream.pem").toString())
                    .setKeyPath(dir.resolve("upstream.key").toString()));
    String trust = ", tls: {caFile: \"" + ca.caFile() + "\"}";
    try (UpstreamServers u = versionEcho(tls);
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("https"), true, trust), new ProxyPolicy())) {
      var response = gw.get("/h2/1", gw.token("alice"));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("HTTP_2 alice");
    }
  }

  @Test
  void poolWithoutHttp2_speaksHttp11() {
    try (UpstreamServers u = versionEcho(new HttpServerOptions());
        GatewayHarness gw =
            GatewayHarness.start(yaml(u.instances("http"), false, ""), new ProxyPolicy())) {
      assertThat(gw.get("/h2/1", gw.token("alice")).body()).isEqualTo("HTTP_1_1 alice");
    }
  }
}
