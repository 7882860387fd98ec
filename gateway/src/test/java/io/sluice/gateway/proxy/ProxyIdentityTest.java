package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import io.sluice.gateway.GatewayOptions;
import io.vertx.core.MultiMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProxyIdentityTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  private static String yaml(UpstreamServers u) {
    return "proxy:\n"
        + "  routes:\n"
        + "    - {name: orders, pathPrefix: /orders, upstream: orders, stripPrefix: true}\n"
        + "  pools:\n"
        + "    - {name: orders, instances: "
        + u.instances("http")
        + "}\n"
        + "  assertion: {enabled: true, ttl: 30s}\n";
  }

  private static MultiMap lastHeaders(UpstreamServers u) {
    return u.received.peek().headers();
  }

  @Test
  void upstream_receivesVerifiedIdentity_andSpoofedCopiesAreStripped() {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u), new ProxyPolicy())) {
      var response =
          gw.send(
              gw.request("/orders/42?x=1")
                  .header("Authorization", "Bearer " + gw.token("alice"))
                  .header("Sluice-Identity-Id", "admin")
                  .header("Sluice-Identity-Type", "apikey")
                  .header("X-Forwarded-User", "admin")
                  .header("X-Remote-User", "admin")
                  .GET());

      assertThat(response.statusCode()).isEqualTo(200);
      MultiMap headers = lastHeaders(u);
      assertThat(headers.getAll("Sluice-Identity-Id")).containsExactly("alice");
      assertThat(headers.get("Sluice-Identity-Type")).isEqualTo("dev");
      assertThat(headers.get("Sluice-Identity-Issuer")).isEqualTo("sluice-dev");
      assertThat(headers.get("Sluice-Request-Id"))
          .isEqualTo(response.headers().firstValue("Sluice-Request-Id").orElseThrow());
      assertThat(headers.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
      assertThat(headers.contains("X-Forwarded-User")).isFalse();
      assertThat(headers.contains("X-Remote-User")).isFalse();
      assertThat(headers.contains("Authorization")).isFalse();
      assertThat(u.received.peek().uri()).isEqualTo("/42?x=1");
    }
  }

  @Test
  void assertionJwt_verifiesAgainstTheGatewayJwks() throws Exception {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u), new ProxyPolicy())) {
      gw.get("/orders/1", gw.token("alice"));
      SignedJWT assertion = SignedJWT.parse(lastHeaders(u).get("Sluice-Assertion"));
      JWKSet keys = JWKSet.parse(gw.get("/.well-known/jwks.json", null).body());
      ECKey key = keys.getKeyByKeyId(assertion.getHeader().getKeyID()).toECKey();

      assertThat(key.isPrivate()).isFalse();
      assertThat(assertion.verify(new ECDSAVerifier(key))).isTrue();
      assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("alice");
      assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly("orders");
      assertThat(assertion.getJWTClaimsSet().getExpirationTime())
          .isAfter(assertion.getJWTClaimsSet().getIssueTime());
    }
  }

  @Test
  void everyCall_isReportedToTheListener_countedPerRoute_andOnTheAccessLine() {
    List<ProxyCall> calls = new CopyOnWriteArrayList<>();
    GatewayOptions options = GatewayOptions.defaults().withProxyListener(calls::add);
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u), new ProxyPolicy(), options)) {
      gw.get("/orders/7", gw.token("alice"));
      gw.get("/orders/7", gw.token("bob"));

      assertThat(calls).hasSize(2);
      ProxyCall allowed = calls.get(0);
      assertThat(allowed.identityId()).hasValue("alice");
      assertThat(allowed.route()).isEqualTo("orders");
      assertThat(allowed.subject()).isEqualTo("http.GET.orders.7");
      assertThat(allowed.status()).isEqualTo(200);
      assertThat(allowed.rule()).hasValue(ProxyPolicy.RULE);
      assertThat(allowed.upstream()).hasValue("127.0.0.1:" + u.port(0));
      assertThat(calls.get(1).status()).isEqualTo(403);
      assertThat(calls.get(1).rule()).hasValue("default-deny");
      assertThat(gw.get("/metrics", null).body())
          .contains("sluice_proxy_requests_seconds_count{route=\"orders\",status=\"200\"");
      assertThat(logs.accessLines())
          .anySatisfy(
              line ->
                  assertThat(String.valueOf(line.getKeyValuePairs()))
                      .contains(
                          "upstream=\"127.0.0.1:" + u.port(0) + "\"",
                          "attempts=\"1\"",
                          "rule=\"" + ProxyPolicy.RULE + "\""));
      assertThat(logs.events()).noneMatch(e -> e.getFormattedMessage().equals("proxied request"));
    }
  }

  @Test
  void pathOutsideTheSubjectAlphabet_returns400() {
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw = GatewayHarness.start(yaml(u), new ProxyPolicy())) {
      var response = gw.get("/orders/a.b", gw.token("alice"));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("invalid-proxy-path");
      assertThat(u.received).isEmpty();
    }
  }

  @Test
  void configuredAssertionKey_signsEveryAssertion(@TempDir Path dir) throws Exception {
    ECKey configured =
        new ECKeyGenerator(Curve.P_256).keyID("shared-1").algorithm(JWSAlgorithm.ES256).generate();
    Path keyFile = dir.resolve("assertion-key.json");
    Files.writeString(keyFile, configured.toJSONString());
    try (UpstreamServers u = UpstreamServers.start(1, UpstreamServers.whoAmI());
        GatewayHarness gw =
            GatewayHarness.start(
                yaml(u).replace("ttl: 30s}", "ttl: 30s, keyFile: \"" + keyFile + "\"}"),
                new ProxyPolicy())) {
      gw.get("/orders/1", gw.token("alice"));
      SignedJWT assertion = SignedJWT.parse(lastHeaders(u).get("Sluice-Assertion"));

      assertThat(assertion.getHeader().getKeyID()).isEqualTo("shared-1");
      assertThat(assertion.verify(new ECDSAVerifier(configured.toPublicJWK()))).isTrue();
      assertThat(
              JWKSet.parse(gw.get("/.well-known/jwks.json", null).body()).getKeyByKeyId("shared-1"))
          .isNotNull();
    }
  }
}
