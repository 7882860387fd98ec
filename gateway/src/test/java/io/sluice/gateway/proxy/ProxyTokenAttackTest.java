package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.Gateway;
import io.sluice.gateway.GatewayAssembly;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two services behind the proxy with per-route policy, verifying real ES256 tokens from a JWKS
 * file: alice may read orders, bob may read and write billing.
 */
class ProxyTokenAttackTest {
  private static final String ISSUER = "https://login.example.test/realms/acme";

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private ECKey key;
  private RSAKey rsa;
  private UpstreamServers orders;
  private UpstreamServers billing;
  private GatewayAssembly assembly;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    key = new ECKeyGenerator(Curve.P_256).keyID("k1").algorithm(JWSAlgorithm.ES256).generate();
    rsa = new RSAKeyGenerator(2048).keyID("r1").algorithm(JWSAlgorithm.RS256).generate();
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(List.of(key.toPublicJWK(), rsa.toPublicJWK())).toString());
    orders = UpstreamServers.start(1, (i, req) -> req.response().end("orders"));
    billing = UpstreamServers.start(1, (i, req) -> req.response().end("billing"));
    String yaml =
        """
        server: {host: 127.0.0.1, port: 0}
        broker: {url: "mem:"}
        audit: {store: {url: "jdbc:h2:mem:proxy-token-attack;DB_CLOSE_DELAY=-1"}}
        identity:
          jwt: {issuer: "%s", audience: sluice, jwksFile: "%s", algorithms: [ES256, RS256]}
        policy:
          roles:
            order-reader:
              allow: [{actions: [request], subjects: ["http.GET.orders.>"]}]
            billing-clerk:
              allow: [{actions: [request], subjects: ["http.*.billing.>"]}]
          bindings:
            - {role: order-reader, subject: alice}
            - {role: billing-clerk, subject: bob}
        proxy:
          routes:
            - {name: orders, pathPrefix: /orders, upstream: orders}
            - {name: billing, pathPrefix: /billing, upstream: billing}
          pools:
            - {name: orders, instances: %s}
            - {name: billing, instances: %s}
        """
            .formatted(ISSUER, jwks, orders.instances("http"), billing.instances("http"));
    GatewayConfig config = ConfigLoader.parse(yaml, Map.of());
    assembly = GatewayAssembly.assemble(config, Clock.systemUTC());
    gateway = Gateway.start(config, assembly.access());
  }

  @AfterEach
  void stop() {
    gateway.close();
    assembly.close();
    orders.close();
    billing.close();
    http.close();
  }

  private HttpResponse<String> call(String method, String path, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JWTClaimsSet.Builder claims(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience("sluice")
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)));
  }

  private static String signWith(JWSHeader header, JWTClaimsSet claims, JWSSigner signer)
      throws Exception {
    SignedJWT jwt = new SignedJWT(header, claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  @Test
  void perRoutePolicy_allowsEachCallerOnlyTheirService() throws Exception {
    String alice = sign(claims("alice").build());
    String bob = sign(claims("bob").build());

    assertThat(call("GET", "/orders/42", alice).body()).isEqualTo("orders");
    assertThat(call("POST", "/billing/invoices", bob).body()).isEqualTo("billing");
    assertThat(call("DELETE", "/orders/42", alice).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/billing/invoices", alice).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/orders/42", bob).statusCode()).isEqualTo(403);
  }

  @Test
  void noPermission_returns403NamingTheSubject_andNothingReachesTheUpstream() throws Exception {
    HttpResponse<String> response = call("GET", "/billing/1", sign(claims("alice").build()));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("http.GET.billing.1");
    assertThat(billing.received).isEmpty();
  }

  @Test
  void missingToken_returns401() throws Exception {
    assertThat(call("GET", "/orders/1", null).statusCode()).isEqualTo(401);
  }

  @Test
  void algNoneToken_returns401() throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(claims("alice").build().toString().getBytes(StandardCharsets.UTF_8));

    assertThat(call("GET", "/orders/1", header + "." + payload + ".").statusCode()).isEqualTo(401);
    assertThat(orders.received).isEmpty();
  }

  @Test
  void expiredToken_returns401() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    String token =
        sign(
            claims("alice")
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))
                .build());

    assertThat(call("GET", "/orders/1", token).statusCode()).isEqualTo(401);
  }

  @Test
  void wrongAudience_returns401() throws Exception {
    String token = sign(claims("alice").audience("another-service").build());

    assertThat(call("GET", "/orders/1", token).statusCode()).isEqualTo(401);
    assertThat(orders.received).isEmpty();
  }

  @Test
  void rs256Token_fromTheSameKeySet_isAccepted() throws Exception {
    String token =
        signWith(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").build(),
            claims("alice").build(),
            new RSASSASigner(rsa));

    assertThat(call("GET", "/orders/1", token).body()).isEqualTo("orders");
  }

  @Test
  void hmacSignedWithTheRsaPublicKeyAsSecret_returns401() throws Exception {
    String token =
        signWith(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("r1").build(),
            claims("alice").build(),
            new MACSigner(rsa.toRSAPublicKey().getEncoded()));

    assertThat(call("GET", "/orders/1", token).statusCode()).isEqualTo(401);
    assertThat(orders.received).isEmpty();
  }

  @Test
  void tokenSignedByAnUnknownKey_returns401() throws Exception {
    ECKey stranger =
        new ECKeyGenerator(Curve.P_256).keyID("k2").algorithm(JWSAlgorithm.ES256).generate();
    ECKey impostor =
        new ECKeyGenerator(Curve.P_256).keyID("k1").algorithm(JWSAlgorithm.ES256).generate();
    JWTClaimsSet alice = claims("alice").build();

    String unknownKid =
        signWith(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k2").build(),
            alice,
            new ECDSASigner(stranger));
    String knownKidWrongKey =
        signWith(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
            alice,
            new ECDSASigner(impostor));

    assertThat(call("GET", "/orders/1", unknownKid).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/orders/1", knownKidWrongKey).statusCode()).isEqualTo(401);
    assertThat(orders.received).isEmpty();
  }

  @Test
  void tamperedPayload_returns401() throws Exception {
    String alice = sign(claims("alice").build());
    String[] parts = alice.split("\\.");
    String bobPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims("bob").build().toString().getBytes(StandardCharsets.UTF_8));

    String tampered = parts[0] + "." + bobPayload + "." + parts[2];

    assertThat(call("POST", "/billing/invoices", tampered).statusCode()).isEqualTo(401);
    assertThat(billing.received).isEmpty();
  }
}
