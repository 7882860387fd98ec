package io.sluice.gateway.proxy;

import io.sluice.broker.AckMode;
import io.sluice.subject.Subject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code proxy} section: routes that match requests by host, path prefix and method, the
 * upstream pools they forward to, and the optional signed identity assertion. Read it with {@link
 * #read}; an absent section is {@link #none()}.
 */
public record ProxyConfig(List<Route> routes, List<Pool> pools, Assertion assertion) {
  public ProxyConfig {
    routes = List.copyOf(routes);
    pools = List.copyOf(pools);
    Objects.requireNonNull(assertion, "assertion");
  }

  /** No routes: the gateway proxies nothing. */
  public static ProxyConfig none() {
    return new ProxyConfig(
        List.of(), List.of(), new Assertion(false, Duration.ofSeconds(60), Optional.empty()));
  }

  /** Reads the section, adding every problem (by dotted key) to {@code problems}. */
  public static ProxyConfig read(java.util.Map<String, Object> section, List<String> problems) {
    return new ProxyConfigReader(section, problems).read();
  }

  /** True when at least one route is configured. */
  public boolean enabled() {
    return !routes.isEmpty();
  }

  /** The pool named {@code name}. */
  public Pool pool(String name) {
    return pools.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no proxy pool named " + name));
  }

  /**
   * A proxied route.
   *
   * @param action empty to derive the policy subject from method and path ({@code
   *     http.GET.orders.42}); otherwise a fixed policy subject checked for every request on the
   *     route
   * @param retries how many times an idempotent request may be retried on another instance
   * @param emit where each call is also published as a CloudEvent, if anywhere
   */
  public record Route(
      String name,
      Optional<String> host,
      String pathPrefix,
      Set<String> methods,
      String upstream,
      Optional<String> action,
      boolean stripPrefix,
      Duration timeout,
      int retries,
      Optional<Emit> emit) {
    public Route {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(host, "host");
      if (!pathPrefix.startsWith("/")) {
        throw new IllegalArgumentException("pathPrefix must start with / but was " + pathPrefix);
      }
      methods = Set.copyOf(methods);
      Objects.requireNonNull(upstream, "upstream");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(timeout, "timeout");
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be >= 0 but was " + retries);
      }
      Objects.requireNonNull(emit, "emit");
    }
  }

  /**
   * Publishing every call of a route as an {@code io.sluice.proxy.call} CloudEvent.
   *
   * @param subject the subject the events are published on
   * @param ackMode how much confirmation each publish waits for (it never delays the response)
   */
  public record Emit(String subject, AckMode ackMode) {
    public Emit {
      Subject.of(subject);
      Objects.requireNonNull(ackMode, "ackMode");
    }
  }

  /** Upstream instances behind one route, balanced and health-checked together. */
  public record Pool(
      String name,
      List<URI> instances,
      Balance balance,
      HealthCheck healthCheck,
      Duration connectTimeout,
      int maxConnections,
      boolean http2,
      Optional<Tls> tls) {
    public Pool {
      Objects.requireNonNull(name, "name");
      instances = List.copyOf(instances);
      if (instances.isEmpty()) {
        throw new IllegalArgumentException("pool " + name + " needs at least one instance");
      }
      Objects.requireNonNull(balance, "balance");
      Objects.requireNonNull(healthCheck, "healthCheck");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be >= 1 but was " + maxConnections);
      }
      Objects.requireNonNull(tls, "tls");
    }
  }

  /** How a pool picks an instance. */
  public enum Balance {
    ROUND_ROBIN,
    LEAST_REQUESTS
  }

  /**
   * Health of a pool's instances. {@code path} empty: no active checks; instances are still ejected
   * passively after {@code unhealthyAfter} consecutive failures and retried after {@code interval}.
   */
  public record HealthCheck(
      Optional<String> path, Duration interval, int unhealthyAfter, int healthyAfter) {
    public HealthCheck {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(interval, "interval");
      if (unhealthyAfter < 1 || healthyAfter < 1) {
        throw new IllegalArgumentException(
            "unhealthyAfter and healthyAfter must be >= 1 but were "
                + unhealthyAfter
                + " and "
                + healthyAfter);
      }
    }
  }

  /** PEM files for mutual TLS to a pool's instances; reloaded when they change on disk. */
  public record Tls(Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile) {
    public Tls {
      Objects.requireNonNull(caFile, "caFile");
      if (certFile.isPresent() != keyFile.isPresent()) {
        throw new IllegalArgumentException("certFile and keyFile must be given together");
      }
    }
  }

  /**
   * The signed {@code Sluice-Assertion} JWT sent upstream, how long it is valid, and the private
   * P-256 JWK that signs it (generated at start when absent; give one file to every replica).
   */
  public record Assertion(boolean enabled, Duration ttl, Optional<Path> keyFile) {
    public Assertion {
      Objects.requireNonNull(ttl, "ttl");
      Objects.requireNonNull(keyFile, "keyFile");
    }
  }
}
