package io.sluice.gateway.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The places a key set can come from: a file, a URL, or the issuer's discovery document. */
final class JwksLoaders {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private JwksLoaders() {}

  /** A key set that never changes (development mode). */
  static JwksLoader fixed(JWKSet keys) {
    return loader(() -> CompletableFuture.completedFuture(keys), "built-in development keys");
  }

  static JwksLoader file(Path path) {
    return loader(() -> CompletableFuture.supplyAsync(() -> readFile(path)), "file " + path);
  }

  static JwksLoader url(URI uri, HttpClient http) {
    return loader(() -> get(http, uri).thenApply(JwksLoaders::parseKeys), safe(uri));
  }

  static JwksLoader discovery(URI document, String issuer, HttpClient http) {
    return loader(
        () ->
            get(http, document)
                .thenApply(body -> jwksUri(body, issuer, document))
                .thenCompose(uri -> get(http, uri))
                .thenApply(JwksLoaders::parseKeys),
        "discovery " + safe(document));
  }

  static URI discoveryDocument(String issuer) {
    return URI.create(
        issuer + (issuer.endsWith("/") ? "" : "/") + ".well-known/openid-configuration");
  }

  static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  static JWKSet readFile(Path path) {
    try {
      return parseKeys(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key set file " + path, e);
    }
  }

  static JWKSet parseKeys(String json) {
    try {
      return JWKSet.parse(json);
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JSON Web Key Set: " + e.getMessage(), e);
    }
  }

  private static CompletableFuture<String> get(HttpClient http, URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            r -> {
              if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + safe(uri) + " answered " + r.statusCode());
              }
              return r.body();
            });
  }

  private static URI jwksUri(String body, String issuer, URI document) {
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body);
      if (!issuer.equals(json.get("issuer"))) {
        throw new IllegalStateException(
            safe(document) + " names issuer '" + json.get("issuer") + "', not '" + issuer + "'");
      }
      if (!(json.get("jwks_uri") instanceof String uri)) {
        throw new IllegalStateException(safe(document) + " has no jwks_uri");
      }
      return URI.create(uri);
    } catch (ParseException e) {
      throw new IllegalStateException(safe(document) + " is not a JSON object", e);
    }
  }

  /** A URL for log lines: scheme, host, port and path only, so no credential can leak. */
  static String safe(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port + uri.getRawPath();
  }

  private static JwksLoader loader(
      java.util.function.Supplier<CompletableFuture<JWKSet>> load, String description) {
    return new JwksLoader() {
      @Override
      public CompletableFuture<JWKSet> load() {
        return load.get();
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }
}
