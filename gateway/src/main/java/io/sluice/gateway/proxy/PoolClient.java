package io.sluice.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP and WebSocket clients of one pool: bounded connections, the pool's connect timeout, and
 * its TLS files. The files' modification times are polled; when one changes the clients are
 * rebuilt, and the old ones finish their requests in flight before they close.
 */
final class PoolClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PoolClient.class);
  private static final long POLL_MILLIS = 500;

  private final Vertx vertx;
  private final ProxyConfig.Pool pool;
  private final long timer;
  private volatile HttpClient http;
  private volatile WebSocketClient webSockets;
  private volatile List<Long> stamps;
  private List<Long> pending = List.of();

  PoolClient(Vertx vertx, ProxyConfig.Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
    this.stamps = stamps();
    build();
    this.timer =
        pool.tls().isPresent() ? vertx.setPeriodic(POLL_MILLIS, id -> reloadIfChanged()) : -1;
  }

  HttpClient http() {
    return http;
  }

  WebSocketClient webSockets() {
    return webSockets;
  }

  private void build() {
    HttpClientOptions options = new HttpClientOptions().setVerifyHost(true);
    tls(options);
    options.setConnectTimeout((int) pool.connectTimeout().toMillis());
    if (pool.http2()) {
      options
          .setProtocolVersion(HttpVersion.HTTP_2)
          .setUseAlpn(true)
          .setHttp2ClearTextUpgrade(false);
    }
    PoolOptions limits =
        new PoolOptions()
            .setHttp1MaxSize(pool.maxConnections())
            .setHttp2MaxSize(pool.maxConnections());
    HttpClient oldHttp = http;
    WebSocketClient oldWs = webSockets;
    http = vertx.httpClientBuilder().with(options).with(limits).build();
    WebSocketClientOptions ws = new WebSocketClientOptions().setVerifyHost(true);
    tls(ws);
    ws.setConnectTimeout((int) pool.connectTimeout().toMillis());
    webSockets = vertx.createWebSocketClient(ws);
    if (oldHttp != null) {
      oldHttp.shutdown(30, TimeUnit.SECONDS);
      oldWs.shutdown(30, TimeUnit.SECONDS);
    }
  }

  private void tls(ClientOptionsBase options) {
    pool.tls()
        .ifPresent(
            tls -> {
              tls.caFile()
                  .ifPresent(
                      ca ->
                          options.setTrustOptions(
                              new PemTrustOptions().addCertPath(ca.toString())));
              tls.certFile()
                  .ifPresent(
                      cert ->
                          options.setKeyCertOptions(
                              new PemKeyCertOptions()
                                  .setCertPath(cert.toString())
                                  .setKeyPath(tls.keyFile().orElseThrow().toString())));
            });
  }

  /** Rebuilds once a change has held still for one poll, so a half-written pair is not loaded. */
  private void reloadIfChanged() {
    List<Long> now = stamps();
    if (now.equals(stamps) || !now.equals(pending)) {
      pending = now;
      return;
    }
    stamps = now;
    try {
      build();
      LOG.info("TLS files of proxy pool {} changed; clients rebuilt", pool.name());
    } catch (RuntimeException e) {
      LOG.error(
          "TLS files of proxy pool {} changed but cannot be loaded: {}",
          pool.name(),
          e.getMessage());
    }
  }

  private List<Long> stamps() {
    List<Long> out = new ArrayList<>();
    pool.tls()
        .ifPresent(
            tls -> {
              tls.caFile().ifPresent(p -> out.add(modified(p)));
              tls.certFile().ifPresent(p -> out.add(modified(p)));
              tls.keyFile().ifPresent(p -> out.add(modified(p)));
            });
    return out;
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis() ^ Files.size(path);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    http.close();
    webSockets.close();
  }
}
