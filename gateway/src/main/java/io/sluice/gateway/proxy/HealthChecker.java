package io.sluice.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.function.Supplier;

/**
 * Active health checks for one pool: every {@code healthCheck.interval}, a GET of {@code
 * healthCheck.path} on each instance; a 2xx counts as a success, anything else as a failure.
 */
final class HealthChecker implements AutoCloseable {
  private final Vertx vertx;
  private final long timer;

  HealthChecker(Vertx vertx, UpstreamPool pool, Supplier<PoolClient> client) {
    this.vertx = vertx;
    ProxyConfig.HealthCheck health = pool.config().healthCheck();
    String path = health.path().orElseThrow();
    long interval = health.interval().toMillis();
    this.timer =
        vertx.setPeriodic(interval, id -> checkAll(id, pool, path, interval, client.get()));
  }

  /** Checks every instance; stops when the gateway has closed the pool's client. */
  private void checkAll(long id, UpstreamPool pool, String path, long interval, PoolClient client) {
    try {
      pool.instances().forEach(u -> check(pool, u, path, interval, client));
    } catch (IllegalStateException clientClosed) {
      vertx.cancelTimer(id);
    }
  }

  private static void check(
      UpstreamPool pool, Upstream upstream, String path, long timeout, PoolClient client) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(upstream.uri().getHost())
            .setPort(upstream.port())
            .setSsl(upstream.secure())
            .setURI(path)
            .setIdleTimeout(timeout);
    client
        .http()
        .request(options)
        .compose(req -> req.send())
        .onSuccess(
            res -> {
              res.body();
              if (res.statusCode() >= 200 && res.statusCode() < 300) {
                pool.succeeded(upstream);
              } else {
                pool.failed(upstream);
              }
            })
        .onFailure(e -> pool.failed(upstream));
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }
}
