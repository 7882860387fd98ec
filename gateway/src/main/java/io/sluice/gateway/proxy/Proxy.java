package io.sluice.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.broker.Broker;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity-aware reverse proxy of a running gateway: one router route per configured proxy
 * route, the pools behind them, and {@code GET /.well-known/jwks.json} when assertions are on.
 */
public final class Proxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Proxy.class);

  /** Where upstreams fetch the public key that verifies {@code Sluice-Assertion}. */
  public static final String JWKS_PATH = "/.well-known/jwks.json";

  private final ProxyConfig config;
  private final Upstreams upstreams;
  private final Optional<AssertionSigner> signer;
  private final ProxyMetrics metrics;
  private final ProxyListener listener;
  private final CallEvents events;

  private Proxy(
      ProxyConfig config,
      Upstreams upstreams,
      Optional<AssertionSigner> signer,
      ProxyMetrics metrics,
      ProxyListener listener,
      CallEvents events) {
    this.config = config;
    this.upstreams = upstreams;
    this.signer = signer;
    this.metrics = metrics;
    this.listener = listener;
    this.events = events;
  }

  /**
   * Opens the pools' clients and starts their health checks; routes with {@code emit} publish their
   * calls on {@code broker}.
   */
  public static Proxy start(
      Vertx vertx,
      ProxyConfig config,
      Broker broker,
      MeterRegistry registry,
      ProxyListener listener,
      Clock clock) {
    ProxyMetrics metrics = new ProxyMetrics(registry);
    Upstreams upstreams = new Upstreams(vertx, config, poolListener(metrics));
    Optional<AssertionSigner> signer =
        config.assertion().enabled()
            ? Optional.of(signer(config.assertion(), clock))
            : Optional.empty();
    ProxyListener all =
        call -> {
          metrics.call(call);
          listener.completed(call);
        };
    return new Proxy(
        config, upstreams, signer, metrics, all, new CallEvents(broker, metrics, clock));
  }

  private static AssertionSigner signer(ProxyConfig.Assertion assertion, Clock clock) {
    return assertion
        .keyFile()
        .map(file -> AssertionSigner.load(file, assertion.ttl(), clock))
        .orElseGet(() -> AssertionSigner.generate(assertion.ttl(), clock));
  }

  /** Adds the proxy routes (and the key set) to {@code router}. */
  public void mount(Router router, ProxyHost host) {
    Forwarder forwarder = new Forwarder(upstreams, host, signer, metrics);
    WebSocketRelay relay = new WebSocketRelay(upstreams, host, signer);
    signer.ifPresent(
        s ->
            router
                .get(JWKS_PATH)
                .handler(
                    ctx ->
                        ctx.response()
                            .putHeader("Content-Type", "application/json")
                            .end(s.jwksJson())));
    for (ProxyConfig.Route route : config.routes()) {
      Route r = router.route(pattern(route.pathPrefix()));
      route.host().ifPresent(r::virtualHost);
      route.methods().forEach(m -> r.method(HttpMethod.valueOf(m)));
      r.handler(new ProxyHandler(route, host, forwarder, relay, listener, events));
    }
  }

  private static String pattern(String prefix) {
    return prefix.endsWith("/") ? prefix + "*" : prefix + "/*";
  }

  private static UpstreamPool.PoolListener poolListener(ProxyMetrics metrics) {
    return new UpstreamPool.PoolListener() {
      @Override
      public void ejected(String pool, Upstream upstream) {
        metrics.ejection(pool, upstream);
        LOG.atInfo()
            .addKeyValue("pool", pool)
            .addKeyValue("upstream", upstream.label())
            .log("upstream ejected");
      }

      @Override
      public void readmitted(String pool, Upstream upstream) {
        LOG.atInfo()
            .addKeyValue("pool", pool)
            .addKeyValue("upstream", upstream.label())
            .log("upstream readmitted");
      }
    };
  }

  @Override
  public void close() {
    upstreams.close();
  }
}
