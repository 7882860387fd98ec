package io.sluice.gateway.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The instances of one pool and the balancing choice between them: round-robin or fewest requests
 * in flight, skipping ejected instances and those already tried for this request. A retry does not
 * advance the round-robin turn, so a dead instance does not shift every later request.
 */
final class UpstreamPool {
  private final ProxyConfig.Pool config;
  private final List<Upstream> instances;
  private final AtomicInteger next = new AtomicInteger();
  private final LongSupplier nanos;
  private final PoolListener listener;
  private final boolean activeChecks;

  /** Told when an instance leaves or rejoins the pool. */
  interface PoolListener {
    void ejected(String pool, Upstream upstream);

    void readmitted(String pool, Upstream upstream);
  }

  UpstreamPool(ProxyConfig.Pool config, LongSupplier nanos, PoolListener listener) {
    this.config = config;
    this.instances = config.instances().stream().map(Upstream::new).toList();
    this.nanos = nanos;
    this.listener = listener;
    this.activeChecks = config.healthCheck().path().isPresent();
  }

  String name() {
    return config.name();
  }

  ProxyConfig.Pool config() {
    return config;
  }

  List<Upstream> instances() {
    return instances;
  }

  /** An available instance not in {@code tried}, or empty when none is left. */
  Optional<Upstream> pick(Set<Upstream> tried) {
    List<Upstream> candidates = candidates(tried);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    if (config.balance() == ProxyConfig.Balance.LEAST_REQUESTS) {
      candidates = leastBusy(candidates);
    }
    int turn = tried.isEmpty() ? next.getAndIncrement() : next.get();
    return Optional.of(candidates.get(Math.floorMod(turn, candidates.size())));
  }

  private List<Upstream> candidates(Set<Upstream> tried) {
    if (instances.size() == 1 && tried.isEmpty()) {
      return instances.get(0).available(nanos.getAsLong(), activeChecks) ? instances : List.of();
    }
    long now = nanos.getAsLong();
    List<Upstream> out = new ArrayList<>(instances.size());
    for (Upstream u : instances) {
      if (!tried.contains(u) && u.available(now, activeChecks)) {
        out.add(u);
      }
    }
    return out;
  }

  /** The candidates with the fewest requests in flight, each counter read once. */
  private static List<Upstream> leastBusy(List<Upstream> candidates) {
    List<Upstream> out = new ArrayList<>(candidates.size());
    int least = Integer.MAX_VALUE;
    for (Upstream u : candidates) {
      int inFlight = u.inFlight();
      if (inFlight < least) {
        least = inFlight;
        out.clear();
      }
      if (inFlight == least) {
        out.add(u);
      }
    }
    return out;
  }

  /** A connect error, timeout or 5xx from {@code upstream}. */
  void failed(Upstream upstream) {
    ProxyConfig.HealthCheck health = config.healthCheck();
    long trialAt = nanos.getAsLong() + health.interval().toNanos();
    if (upstream.failed(health.unhealthyAfter(), trialAt)) {
      listener.ejected(config.name(), upstream);
    }
  }

  /** A good answer from {@code upstream}. */
  void succeeded(Upstream upstream) {
    int needed = config.healthCheck().path().isPresent() ? config.healthCheck().healthyAfter() : 1;
    if (upstream.succeeded(needed)) {
      listener.readmitted(config.name(), upstream);
    }
  }
}
