package io.sluice.gateway;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.contracts.SchemaRegistry;
import io.sluice.gateway.audit.GatewayAudit;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.internal.GatewayMetrics;
import io.sluice.gateway.internal.Routes;
import io.sluice.gateway.push.PushSubscriptions;
import io.sluice.gateway.stream.StreamEndpoints;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: the broker connection, the HTTP server and its routes. {@link #start} returns
 * once the server listens; {@link #close} stops accepting, lets in-flight requests finish (bounded
 * by {@code limits.shutdownTimeout}), drains the broker and closes.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final GatewayConfig config;
  private final Vertx vertx;
  private final Broker broker;
  private final HttpServer server;
  private final Optional<SchemaRegistry> schemas;
  private final GatewayAudit audit;
  private final PushSubscriptions push;

  private Gateway(
      GatewayConfig config,
      Vertx vertx,
      Broker broker,
      HttpServer server,
      Optional<SchemaRegistry> schemas,
      GatewayAudit audit,
      PushSubscriptions push) {
    this.config = config;
    this.push = push;
    this.audit = audit;
    this.vertx = vertx;
    this.broker = broker;
    this.server = server;
    this.schemas = schemas;
  }

  /** Starts with {@link GatewayOptions#defaults()}. */
  public static Gateway start(GatewayConfig config, AccessControl access) {
    return start(config, access, GatewayOptions.defaults());
  }

  /** Connects the broker, then listens; fails with {@link GatewayStartException}. */
  public static Gateway start(GatewayConfig config, AccessControl access, GatewayOptions options) {
    GatewayMetrics metrics = new GatewayMetrics();
    Optional<SchemaRegistry> schemas = SchemaRegistries.open(config);
    Broker broker;
    try {
      broker = connect(config, metrics);
    } catch (RuntimeException e) {
      schemas.ifPresent(SchemaRegistry::close);
      throw e;
    }
    GatewayAudit audit;
    try {
      audit = openAudit(config, broker, metrics, options);
    } catch (RuntimeException e) {
      schemas.ifPresent(SchemaRegistry::close);
      throw e;
    }
    Vertx vertx = Vertx.vertx();
    PushSubscriptions push = null;
    try {
      push =
          PushSubscriptions.start(
              vertx,
              config.push(),
              broker,
              access.policy(),
              metrics.registry(),
              audit,
              options.clock());
      HttpServer server =
          vertx
              .createHttpServer(options(config))
              .requestHandler(
                  Routes.router(
                      vertx, config, access, broker, metrics, options, schemas, audit, push));
      await(server.listen(), Duration.ofSeconds(30));
      LOG.atInfo()
          .addKeyValue("host", config.server().host())
          .addKeyValue("port", server.actualPort())
          .addKeyValue("broker", broker.url())
          .log("gateway listening");
      return new Gateway(config, vertx, broker, server, schemas, audit, push);
    } catch (RuntimeException e) {
      if (push != null) {
        push.close();
      }
      vertx.close();
      audit.close();
      broker.close();
      schemas.ifPresent(SchemaRegistry::close);
      throw new GatewayStartException(
          "could not listen on " + config.server().host() + ":" + config.server().port(), e);
    }
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server.actualPort();
  }

  /** {@code http://host:port} or {@code https://…}. */
  public String baseUrl() {
    String scheme = config.server().tls().isPresent() ? "https" : "http";
    String host = config.server().host();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return scheme + "://" + shown + ":" + port();
  }

  /** The broker the gateway publishes to. */
  public Broker broker() {
    return broker;
  }

  /** Graceful: stop accepting, finish in-flight requests, drain the broker, close. */
  @Override
  public void close() {
    Duration timeout = config.limits().shutdownTimeout();
    try {
      await(server.shutdown(timeout), timeout.plusSeconds(1));
    } catch (RuntimeException e) {
      LOG.warn("HTTP server did not shut down cleanly: {}", e.getMessage());
    }
    push.close();
    audit.close();
    try {
      broker
          .drain(timeout)
          .toCompletableFuture()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("broker did not drain within {}: {}", timeout, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      broker.close();
    }
    await(vertx.close(), timeout);
    schemas.ifPresent(SchemaRegistry::close);
    LOG.info("gateway stopped");
  }

  /**
   * Opens the audit log after the broker (its mirror publishes there); closes the broker if not.
   */
  private static GatewayAudit openAudit(
      GatewayConfig config, Broker broker, GatewayMetrics metrics, GatewayOptions options) {
    try {
      return GatewayAudit.open(config.audit(), broker, metrics.registry(), options.clock());
    } catch (RuntimeException e) {
      broker.close();
      throw new GatewayStartException("could not open the audit log: " + e.getMessage(), e);
    }
  }

  private static Broker connect(GatewayConfig config, GatewayMetrics metrics) {
    BrokerSpec spec;
    try {
      spec =
          BrokerSpec.of(config.broker().url())
              .withSettings(config.broker().settings())
              .withListener(metrics);
    } catch (IllegalArgumentException e) {
      throw new GatewayStartException("broker.url is not usable: " + e.getMessage(), e);
    }
    try {
      return Broker.connect(spec);
    } catch (RuntimeException e) {
      throw new GatewayStartException(
          "could not open the broker " + spec.redactedUrl() + ": " + e.getMessage(), e);
    }
  }

  private static HttpServerOptions options(GatewayConfig config) {
    int headerLimit = Math.max(65_536, config.limits().maxHeaderBytes() * 4);
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.server().host())
            .setPort(config.server().port())
            .setMaxHeaderSize(headerLimit)
            .setWebSocketSubProtocols(List.of(StreamEndpoints.WEBSOCKET_SUBPROTOCOL));
    config.server().tls().ifPresent(tls -> tls(options, tls));
    return options;
  }

  private static void tls(HttpServerOptions options, GatewayConfig.Tls tls) {
    options
        .setSsl(true)
        .setKeyCertOptions(
            new PemKeyCertOptions()
                .setCertPath(tls.cert().toString())
                .setKeyPath(tls.key().toString()))
        .setClientAuth(ClientAuth.valueOf(tls.clientAuth().toUpperCase(Locale.ROOT)));
    tls.trustCa()
        .ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
  }

  private static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new GatewayStartException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new GatewayStartException("timed out after " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayStartException("interrupted", e);
    }
  }
}
