package io.sluice.gateway;

import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.identity.DevelopmentIdentity;
import io.sluice.gateway.policy.PolicyEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Starts a real gateway on 127.0.0.1 port 0 over a real broker (the in-memory {@code mem:} broker
 * unless told otherwise), verifying real ES256 tokens from a {@link DevelopmentIdentity}. {@link
 * #token} mints tokens; {@link #post} and {@link #get} send real HTTP requests.
 */
public final class GatewayHarness implements AutoCloseable {
  private final Path dataDir;
  private final DevelopmentIdentity identity;
  private final Gateway gateway;
  private final HttpClient http = HttpClient.newHttpClient();

  private GatewayHarness(Path dataDir, DevelopmentIdentity identity, Gateway gateway) {
    this.dataDir = dataDir;
    this.identity = identity;
    this.gateway = gateway;
  }

  /** A gateway whose policy lets every development token do everything. */
  public static GatewayHarness start(String extraYaml) {
    return start(extraYaml, new DevelopmentPolicy());
  }

  /** A gateway with the given YAML (added to host/port/broker) and policy. */
  public static GatewayHarness start(String extraYaml, PolicyEngine policy) {
    return start(extraYaml, policy, GatewayOptions.defaults());
  }

  /** As {@link #start(String, PolicyEngine)} with options (e.g. a given idempotency store). */
  public static GatewayHarness start(
      String extraYaml, PolicyEngine policy, GatewayOptions options) {
    return start("\"mem:\"", extraYaml, policy, options);
  }

  /** A gateway over the embedded durable broker in a temporary directory. */
  public static GatewayHarness startEmbedded(String extraYaml, PolicyEngine policy) {
    return start(null, extraYaml, policy, GatewayOptions.defaults());
  }

  /** A gateway over the broker at {@code brokerUrl} (a YAML scalar), e.g. a NATS server. */
  public static GatewayHarness startOn(String brokerUrl, String extraYaml, PolicyEngine policy) {
    return start(brokerUrl, extraYaml, policy, GatewayOptions.defaults());
  }

  private static GatewayHarness start(
      String brokerUrl, String extraYaml, PolicyEngine policy, GatewayOptions options) {
    try {
      Path dir = Files.createTempDirectory("sluice-gateway-test");
      String url = brokerUrl != null ? brokerUrl : "embedded:" + dir;
      String yaml =
          "server:\n  host: 127.0.0.1\n  port: 0\nbroker:\n  url: "
              + url
              + "\n"
              + auditIn(dir, extraYaml)
              + extraYaml;
      GatewayConfig config = ConfigLoader.parse(yaml, Map.of());
      DevelopmentIdentity identity = DevelopmentIdentity.create(Clock.systemUTC());
      AccessControl access = AccessControl.of(identity.authenticator(), policy, "test");
      return new GatewayHarness(dir, identity, Gateway.start(config, access, options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Unless the test configures audit itself, the audit store lives in the temporary directory. */
  private static String auditIn(Path dir, String extraYaml) {
    if (extraYaml.contains("audit:")) {
      return "";
    }
    return "audit:\n  store:\n    url: \"jdbc:h2:file:" + dir.resolve("audit") + "\"\n";
  }

  /** The temporary directory holding the test's data (audit store, embedded broker). */
  public Path dataDir() {
    return dataDir;
  }

  public Gateway gateway() {
    return gateway;
  }

  public String token(String subject) {
    return token(subject, Map.of());
  }

  public String token(String subject, Map<String, Object> claims) {
    return identity.mint(subject, claims, Duration.ofMinutes(5));
  }

  /** A token that expires after {@code ttl}. */
  public String token(String subject, Duration ttl) {
    return identity.mint(subject, Map.of(), ttl);
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
        .timeout(Duration.ofSeconds(10));
  }

  /**
   * POSTs {@code body} as {@code contentType} with {@code Authorization: Bearer token} and any more
   * headers, given as names and values in turn (e.g. {@code "Idempotency-Key", "k1"}).
   */
  public HttpResponse<String> post(
      String path, String token, String contentType, String body, String... moreHeaders) {
    HttpRequest.Builder request =
        request(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType);
    if (moreHeaders.length > 0) {
      request.headers(moreHeaders);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder b = request(path).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    gateway.close();
    http.close();
    deleteQuietly(dataDir);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temporary directory: the OS cleans it up eventually
    }
  }
}
