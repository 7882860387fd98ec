package io.sluice.gateway.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.broker.Broker;
import io.sluice.gateway.audit.GatewayAudit;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.policy.PolicyEngine;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's push subscriptions: those of the configuration and those created over the admin API
 * (kept in the {@link PushStore}). Each runs a {@link PushDeliverer}. A subscription that cannot
 * start (its owner may not subscribe to the pattern, or the broker refused) stays listed with its
 * status, logs an ERROR and reports {@code sluice.push.up 0}; the gateway stays ready.
 */
public final class PushSubscriptions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushSubscriptions.class);

  private final Vertx vertx;
  private final Broker broker;
  private final PolicyEngine policy;
  private final MeterRegistry registry;
  private final PushAudit audit;
  private final Clock clock;
  private final PushStore store;
  private final Map<String, Running> running = new LinkedHashMap<>();

  private record Running(
      PushSubscription subscription, PushDeliverer deliverer, PushMetrics metrics, String status) {}

  private PushSubscriptions(
      Vertx vertx,
      Broker broker,
      PolicyEngine policy,
      MeterRegistry registry,
      GatewayAudit audit,
      Clock clock,
      PushStore store) {
    this.vertx = vertx;
    this.broker = broker;
    this.policy = policy;
    this.registry = registry;
    this.audit = new PushAudit(audit);
    this.clock = clock;
    this.store = store;
  }

  /** Starts every configured and stored subscription. */
  public static PushSubscriptions start(
      Vertx vertx,
      PushConfig config,
      Broker broker,
      PolicyEngine policy,
      MeterRegistry registry,
      GatewayAudit audit,
      Clock clock) {
    PushStore store = config.store().map(PushStore::file).orElseGet(PushStore::inMemory);
    PushSubscriptions all =
        new PushSubscriptions(vertx, broker, policy, registry, audit, clock, store);
    config.subscriptions().forEach(all::launch);
    for (PushSubscription stored : store.load()) {
      if (all.running.containsKey(stored.name())) {
        LOG.atWarn()
            .addKeyValue("subscription", stored.name())
            .log(
                "an API-created push subscription has the name of a configured one; it is not started");
      } else {
        all.launch(stored);
      }
    }
    return all;
  }

  /** {@code memory} or {@code file}: whether API-created subscriptions survive a restart. */
  public String persistence() {
    return store.kind();
  }

  /**
   * Stores and starts a new API subscription (blocking: writes the store). Throws {@link
   * PushConflictException} when the name is taken, or the broker's exception when it refuses the
   * subscription (nothing is then kept).
   */
  public synchronized Map<String, Object> create(PushSubscription s) {
    if (running.containsKey(s.name())) {
      throw new PushConflictException("a push subscription named '" + s.name() + "' exists");
    }
    PushMetrics metrics = new PushMetrics(registry, s.name());
    PushDeliverer deliverer = deliverer(s, metrics);
    try {
      deliverer.start();
    } catch (RuntimeException e) {
      deliverer.close();
      metrics.remove();
      throw e;
    }
    running.put(s.name(), new Running(s, deliverer, metrics, "running"));
    try {
      saveApiCreated();
    } catch (RuntimeException e) {
      running.remove(s.name());
      deliverer.close();
      metrics.remove();
      throw e;
    }
    LOG.atInfo().addKeyValue("subscription", s.name()).log("push subscription created");
    return view(running.get(s.name()));
  }

  /** Every subscription as the admin API shows it (never the secret). */
  public synchronized List<Map<String, Object>> list() {
    return running.values().stream().map(PushSubscriptions::view).toList();
  }

  public synchronized Optional<Map<String, Object>> get(String name) {
    return Optional.ofNullable(running.get(name)).map(PushSubscriptions::view);
  }

  /** Stops and forgets an API subscription; false when unknown. Configured ones cannot go. */
  public synchronized boolean delete(String name) {
    Running r = running.get(name);
    if (r == null) {
      return false;
    }
    if (r.subscription().origin() == PushSubscription.Origin.CONFIG) {
      throw new PushConflictException(
          "the push subscription '"
              + name
              + "' is defined in the configuration file; remove it there");
    }
    running.remove(name);
    try {
      saveApiCreated();
    } catch (RuntimeException e) {
      running.put(name, r);
      throw e;
    }
    r.deliverer().close();
    r.metrics().remove();
    LOG.atInfo().addKeyValue("subscription", name).log("push subscription deleted");
    return true;
  }

  /** Name to status ({@code running} or why not), for readiness details. */
  public synchronized Map<String, String> statuses() {
    Map<String, String> out = new LinkedHashMap<>();
    running.forEach((name, r) -> out.put(name, r.status()));
    return out;
  }

  /** Stops every delivery; unsettled events are redelivered to the groups after a restart. */
  @Override
  public synchronized void close() {
    running.values().forEach(r -> r.deliverer().close());
  }

  private void launch(PushSubscription s) {
    PushMetrics metrics = new PushMetrics(registry, s.name());
    PushDeliverer deliverer = deliverer(s, metrics);
    running.put(s.name(), new Running(s, deliverer, metrics, started(s, deliverer)));
  }

  private String started(PushSubscription s, PushDeliverer deliverer) {
    Decision decision = policy.decide(s.owner(), Action.SUBSCRIBE, s.pattern().value());
    String problem;
    if (!decision.allowed()) {
      problem =
          "not started: its owner may not subscribe to "
              + s.pattern()
              + " ("
              + decision.rule()
              + ")";
    } else {
      try {
        deliverer.start();
        return "running";
      } catch (RuntimeException e) {
        problem = "not started: the broker refused the subscription (" + e.getMessage() + ")";
      }
    }
    LOG.atError().addKeyValue("subscription", s.name()).log("push subscription {}", problem);
    return problem;
  }

  private PushDeliverer deliverer(PushSubscription s, PushMetrics metrics) {
    return new PushDeliverer(s, vertx, broker, policy, metrics, audit, clock);
  }

  private void saveApiCreated() {
    List<PushSubscription> api = new ArrayList<>();
    running.values().stream()
        .map(Running::subscription)
        .filter(s -> s.origin() == PushSubscription.Origin.API)
        .forEach(api::add);
    store.save(api);
  }

  private static Map<String, Object> view(Running r) {
    Map<String, Object> json = PushViews.describe(r.subscription());
    json.put("owner", r.subscription().owner().id());
    json.put("origin", r.subscription().origin().name().toLowerCase(java.util.Locale.ROOT));
    json.put("status", r.status());
    return json;
  }
}
