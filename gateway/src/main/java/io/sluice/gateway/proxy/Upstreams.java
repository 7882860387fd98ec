package io.sluice.gateway.proxy;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every pool's instances, clients and health checks, and every route's retry budget, created at
 * start and closed with the gateway.
 */
final class Upstreams implements AutoCloseable {
  private final Map<String, UpstreamPool> pools = new HashMap<>();
  private final Map<String, PoolClient> clients = new HashMap<>();
  private final Map<String, RetryBudget> budgets = new HashMap<>();
  private final List<AutoCloseable> checks = new ArrayList<>();

  Upstreams(Vertx vertx, ProxyConfig config, UpstreamPool.PoolListener listener) {
    for (ProxyConfig.Pool pool : config.pools()) {
      UpstreamPool instances = new UpstreamPool(pool, System::nanoTime, listener);
      PoolClient client = new PoolClient(vertx, pool);
      pools.put(pool.name(), instances);
      clients.put(pool.name(), client);
      if (pool.healthCheck().path().isPresent()) {
        checks.add(new HealthChecker(vertx, instances, () -> client));
      }
    }
    config.routes().forEach(r -> budgets.put(r.name(), new RetryBudget()));
  }

  UpstreamPool pool(ProxyConfig.Route route) {
    return pools.get(route.upstream());
  }

  PoolClient client(ProxyConfig.Route route) {
    return clients.get(route.upstream());
  }

  RetryBudget budget(ProxyConfig.Route route) {
    return budgets.get(route.name());
  }

  @Override
  public void close() {
    checks.forEach(
        c -> {
          try {
            c.close();
          } catch (Exception e) {
            // a timer that cannot be cancelled dies with the event loop
          }
        });
    clients.values().forEach(PoolClient::close);
  }
}
