package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigTest {
  @Test
  void validSection_isReadWithDefaults() {
    GatewayConfig config =
        ConfigLoader.parse(
            """
            proxy:
              routes:
                - {name: orders, host: API.example.com, pathPrefix: /orders, methods: [get, put], upstream: p}
              pools:
                - {name: p, instances: ["http://127.0.0.1:9000"], balance: least-requests}
            """,
            Map.of());

    ProxyConfig.Route route = config.proxy().routes().get(0);
    assertThat(route.host()).hasValue("api.example.com");
    assertThat(route.methods()).containsExactlyInAnyOrder("GET", "PUT");
    assertThat(route.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(route.retries()).isEqualTo(1);
    assertThat(config.proxy().pool("p").balance()).isEqualTo(ProxyConfig.Balance.LEAST_REQUESTS);
    assertThat(config.proxy().pool("p").healthCheck().path()).isEmpty();
  }

  @Test
  void absentSection_proxiesNothing() {
    assertThat(ConfigLoader.parse("", Map.of()).proxy().enabled()).isFalse();
  }

  @Test
  void everyProblem_isReportedByDottedName() {
    String yaml =
        """
        proxy:
          routes:
            - {name: r, pathPrefix: orders, upstream: nowhere, timeout: soon, retries: 99, colour: red}
            - {pathPrefix: /x, upstream: p, methods: [FETCH]}
          pools:
            - {name: p, instances: ["ftp://host"], balance: random, maxConnections: 0,
               healthCheck: {interval: 0s}, tls: {certFile: /no/such/cert.pem}}
          assertion: {ttl: forever}
        """;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigException) e).problems())
                    .anyMatch(p -> p.startsWith("proxy.routes[0].pathPrefix: must start with /"))
                    .anyMatch(
                        p -> p.startsWith("proxy.routes[0].upstream: no pool named 'nowhere'"))
                    .anyMatch(
                        p -> p.startsWith("proxy.routes[0].timeout: must be a positive duration"))
                    .anyMatch(
                        p -> p.startsWith("proxy.routes[0].retries: must be between 0 and 10"))
                    .anyMatch(p -> p.equals("proxy.routes[0].colour: unknown key"))
                    .anyMatch(p -> p.equals("proxy.routes[1].name: required"))
                    .anyMatch(p -> p.startsWith("proxy.routes[1].methods: must hold HTTP methods"))
                    .anyMatch(p -> p.startsWith("proxy.pools[0].instances[0]: must be an http://"))
                    .anyMatch(p -> p.startsWith("proxy.pools[0].balance: must be one of"))
                    .anyMatch(p -> p.startsWith("proxy.pools[0].maxConnections: must be between"))
                    .anyMatch(p -> p.startsWith("proxy.pools[0].healthCheck.interval:"))
                    .anyMatch(p -> p.startsWith("proxy.pools[0].tls.certFile: file not found"))
                    .anyMatch(
                        p -> p.startsWith("proxy.assertion.ttl: must be a positive duration")));
  }

  @Test
  void actionShorthand_andEmit_areRead() {
    GatewayConfig config =
        ConfigLoader.parse(
            """
            proxy:
              routes:
                - {name: a, pathPrefix: /orders, upstream: p, action: "http:GET /orders/*",
                   emit: {subject: api.calls.orders, ackMode: durable}}
                - {name: b, pathPrefix: /billing, upstream: p, action: billing.read}
              pools:
                - {name: p, instances: ["http://127.0.0.1:9000"]}
            """,
            Map.of());

    ProxyConfig.Route a = config.proxy().routes().get(0);
    assertThat(a.action()).hasValue("http.GET.orders.*");
    assertThat(a.emit())
        .hasValue(new ProxyConfig.Emit("api.calls.orders", io.sluice.broker.AckMode.DURABLE));
    assertThat(config.proxy().routes().get(1).action()).hasValue("billing.read");
    assertThat(config.proxy().routes().get(1).emit()).isEmpty();
  }

  @Test
  void malformedActionsAndEmits_areReportedByKeyAndValue() {
    String yaml =
        """
        proxy:
          routes:
            - {name: a, upstream: p, action: "http:GET orders/*"}
            - {name: b, upstream: p, action: "http:FETCH /orders"}
            - {name: c, upstream: p, action: "orders..read"}
            - {name: d, upstream: p, emit: {subject: "api.*", ackMode: maybe, colour: red}}
            - {name: e, upstream: p, emit: {ackMode: none}}
          pools:
            - {name: p, instances: ["http://127.0.0.1:9000"]}
        """;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigException) e).problems())
                    .anyMatch(p -> p.startsWith("proxy.routes[0].action: 'http:GET orders/*'"))
                    .anyMatch(p -> p.startsWith("proxy.routes[1].action: 'http:FETCH /orders'"))
                    .anyMatch(
                        p ->
                            p.startsWith("proxy.routes[2].action: must be a subject")
                                && p.contains("'orders..read'"))
                    .anyMatch(
                        p ->
                            p.startsWith("proxy.routes[3].emit.subject: must be a subject")
                                && p.contains("'api.*'"))
                    .anyMatch(p -> p.startsWith("proxy.routes[3].emit.ackMode: must be none or"))
                    .anyMatch(p -> p.equals("proxy.routes[3].emit.colour: unknown key"))
                    .anyMatch(p -> p.equals("proxy.routes[4].emit.subject: required")));
  }

  @Test
  void policySubject_mapsMethodAndPathTokens() {
    assertThat(PolicySubject.of("GET", "/orders/42")).hasValue("http.GET.orders.42");
    assertThat(PolicySubject.of("DELETE", "//orders//42/")).hasValue("http.DELETE.orders.42");
    assertThat(PolicySubject.of("GET", "/")).hasValue("http.GET");
    assertThat(PolicySubject.of("GET", "/orders/a.b")).isEmpty();
    assertThat(PolicySubject.of("GET", "/orders/*")).isEmpty();
    assertThat(PolicySubject.of("GET", "/orders/%2E")).isEmpty();
  }

  @Test
  void assertionKeyFileHoldingAPublicKey_isReported(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("public.json");
    Files.writeString(
        key, new ECKeyGenerator(Curve.P_256).keyID("k").generate().toPublicJWK().toJSONString());

    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "proxy: {assertion: {enabled: true, keyFile: \"" + key + "\"}}", Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("proxy.assertion.keyFile: must hold a private P-256 JWK");
  }
}
