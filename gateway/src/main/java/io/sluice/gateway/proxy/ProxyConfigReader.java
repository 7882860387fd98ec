package io.sluice.gateway.proxy;

import io.sluice.broker.AckMode;
import io.sluice.gateway.policy.HttpAction;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code proxy} section, naming each problem by dotted key ({@code
 * proxy.routes[0].upstream}).
 */
final class ProxyConfigReader {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH");
  private static final Set<String> ROUTE_KEYS =
      Set.of(
          "name",
          "host",
          "pathPrefix",
          "methods",
          "upstream",
          "action",
          "stripPrefix",
          "timeout",
          "retries",
          "emit");
  private static final Set<String> POOL_KEYS =
      Set.of(
          "name",
          "instances",
          "balance",
          "healthCheck",
          "connectTimeout",
          "maxConnections",
          "http2",
          "tls");

  private final Map<String, Object> section;
  private final List<String> problems;

  ProxyConfigReader(Map<String, Object> section, List<String> problems) {
    this.section = section;
    this.problems = problems;
  }

  ProxyConfig read() {
    if (section.isEmpty()) {
      return ProxyConfig.none();
    }
    unknown("proxy", section, Set.of("routes", "pools", "assertion"));
    List<ProxyConfig.Pool> pools = new ArrayList<>();
    List<Map<String, Object>> poolNodes = list("proxy.pools", section.get("pools"));
    for (int i = 0; i < poolNodes.size(); i++) {
      pool("proxy.pools[" + i + "]", poolNodes.get(i)).ifPresent(pools::add);
    }
    Set<String> poolNames = new HashSet<>();
    pools.forEach(p -> poolNames.add(p.name()));
    List<ProxyConfig.Route> routes = new ArrayList<>();
    List<Map<String, Object>> routeNodes = list("proxy.routes", section.get("routes"));
    for (int i = 0; i < routeNodes.size(); i++) {
      route("proxy.routes[" + i + "]", routeNodes.get(i), poolNames).ifPresent(routes::add);
    }
    return new ProxyConfig(
        routes, pools, assertion(map("proxy.assertion", section.get("assertion"))));
  }

  private Optional<ProxyConfig.Route> route(String key, Map<String, Object> n, Set<String> pools) {
    unknown(key, n, ROUTE_KEYS);
    String name = required(key + ".name", n.get("name"));
    String prefix = string(n.get("pathPrefix")).orElse("/");
    if (!prefix.startsWith("/")) {
      problems.add(key + ".pathPrefix: must start with / but was '" + prefix + "'");
    }
    String upstream = required(key + ".upstream", n.get("upstream"));
    if (upstream != null && !pools.contains(upstream)) {
      problems.add(key + ".upstream: no pool named '" + upstream + "' in proxy.pools");
    }
    Set<String> methods = methods(key + ".methods", n.get("methods"));
    Duration timeout = duration(key + ".timeout", n.get("timeout"), Duration.ofSeconds(30));
    int retries = (int) number(key + ".retries", n.get("retries"), 1, 0, 10);
    Optional<String> action = action(key + ".action", n.get("action"));
    Optional<ProxyConfig.Emit> emit = emit(key + ".emit", n.get("emit"));
    if (name == null || upstream == null || !prefix.startsWith("/")) {
      return Optional.empty();
    }
    return Optional.of(
        new ProxyConfig.Route(
            name,
            string(n.get("host")).map(h -> h.toLowerCase(Locale.ROOT)),
            prefix,
            methods,
            upstream,
            action,
            bool(n.get("stripPrefix")),
            timeout,
            retries,
            emit));
  }

  /** A subject or pattern, or the {@code http:} shorthand mapped onto one. */
  private Optional<String> action(String key, Object node) {
    Optional<String> text = string(node);
    try {
      return text.map(t -> HttpAction.isShorthand(t) ? HttpAction.toPattern(t) : t)
          .map(t -> SubjectPattern.of(t).value());
    } catch (InvalidSubjectException e) {
      problems.add(
          key
              + ": must be a subject, a pattern or an http: action but was '"
              + text.orElseThrow()
              + "' ("
              + e.getMessage()
              + ")");
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  private Optional<ProxyConfig.Emit> emit(String key, Object node) {
    if (node == null) {
      return Optional.empty();
    }
    Map<String, Object> n = map(key, node);
    unknown(key, n, Set.of("subject", "ackMode"));
    Optional<String> subject = Optional.ofNullable(required(key + ".subject", n.get("subject")));
    try {
      subject.ifPresent(Subject::of);
    } catch (InvalidSubjectException e) {
      problems.add(
          key
              + ".subject: must be a subject without wildcards but was '"
              + subject.get()
              + "' ("
              + e.getMessage()
              + ")");
      subject = Optional.empty();
    }
    String ack = string(n.get("ackMode")).orElse("none");
    if (!ack.equals("none") && !ack.equals("durable")) {
      problems.add(key + ".ackMode: must be none or durable but was '" + ack + "'");
    }
    AckMode mode = ack.equals("durable") ? AckMode.DURABLE : AckMode.FIRE_AND_FORGET;
    return subject.map(s -> new ProxyConfig.Emit(s, mode));
  }

  private Optional<ProxyConfig.Pool> pool(String key, Map<String, Object> n) {
    unknown(key, n, POOL_KEYS);
    String name = required(key + ".name", n.get("name"));
    List<URI> instances = instances(key + ".instances", n.get("instances"));
    String balance = string(n.get("balance")).orElse("round-robin");
    if (!balance.equals("round-robin") && !balance.equals("least-requests")) {
      problems.add(
          key + ".balance: must be one of round-robin, least-requests but was '" + balance + "'");
    }
    ProxyConfig.HealthCheck health =
        health(key + ".healthCheck", map(key + ".healthCheck", n.get("healthCheck")));
    Duration connect =
        duration(key + ".connectTimeout", n.get("connectTimeout"), Duration.ofSeconds(5));
    int max = (int) number(key + ".maxConnections", n.get("maxConnections"), 64, 1, 10_000);
    Optional<ProxyConfig.Tls> tls = tls(key + ".tls", n.get("tls"));
    if (name == null || instances.isEmpty()) {
      return Optional.empty();
    }
    ProxyConfig.Balance b =
        balance.equals("least-requests")
            ? ProxyConfig.Balance.LEAST_REQUESTS
            : ProxyConfig.Balance.ROUND_ROBIN;
    return Optional.of(
        new ProxyConfig.Pool(name, instances, b, health, connect, max, bool(n.get("http2")), tls));
  }

  private ProxyConfig.HealthCheck health(String key, Map<String, Object> n) {
    unknown(key, n, Set.of("path", "interval", "unhealthyAfter", "healthyAfter"));
    return new ProxyConfig.HealthCheck(
        string(n.get("path")),
        duration(key + ".interval", n.get("interval"), Duration.ofSeconds(10)),
        (int) number(key + ".unhealthyAfter", n.get("unhealthyAfter"), 3, 1, 100),
        (int) number(key + ".healthyAfter", n.get("healthyAfter"), 2, 1, 100));
  }

  private Optional<ProxyConfig.Tls> tls(String key, Object node) {
    if (node == null) {
      return Optional.empty();
    }
    Map<String, Object> n = map(key, node);
    unknown(key, n, Set.of("caFile", "certFile", "keyFile"));
    Optional<Path> ca = file(key + ".caFile", n.get("caFile"));
    Optional<Path> cert = file(key + ".certFile", n.get("certFile"));
    Optional<Path> pem = file(key + ".keyFile", n.get("keyFile"));
    if (cert.isPresent() != pem.isPresent()) {
      problems.add(key + ": certFile and keyFile must be given together");
      return Optional.empty();
    }
    return Optional.of(new ProxyConfig.Tls(ca, cert, pem));
  }

  private ProxyConfig.Assertion assertion(Map<String, Object> n) {
    unknown("proxy.assertion", n, Set.of("enabled", "ttl", "keyFile"));
    Duration ttl = duration("proxy.assertion.ttl", n.get("ttl"), Duration.ofSeconds(60));
    Optional<Path> keyFile = file("proxy.assertion.keyFile", n.get("keyFile"));
    keyFile
        .filter(p -> p.toFile().isFile())
        .flatMap(AssertionSigner::problemWith)
        .ifPresent(p -> problems.add("proxy.assertion.keyFile: " + p));
    return new ProxyConfig.Assertion(bool(n.get("enabled")), ttl, keyFile);
  }

  private Optional<Path> file(String key, Object node) {
    Optional<Path> path = string(node).map(Path::of);
    path.filter(p -> !p.toFile().isFile())
        .ifPresent(p -> problems.add(key + ": file not found: " + p));
    return path;
  }

  private List<URI> instances(String key, Object node) {
    List<URI> out = new ArrayList<>();
    if (!(node instanceof List<?> list) || list.isEmpty()) {
      problems.add(key + ": required, a list of http:// or https:// URLs");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      String text = String.valueOf(list.get(i));
      try {
        URI uri = URI.create(text);
        if (!List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
          throw new IllegalArgumentException("not an http(s) URL");
        }
        out.add(uri);
      } catch (IllegalArgumentException e) {
        problems.add(
            key + "[" + i + "]: must be an http:// or https:// URL but was '" + text + "'");
      }
    }
    return out;
  }

  private Set<String> methods(String key, Object node) {
    if (node == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object m : node instanceof List<?> l ? l : List.of(node)) {
      String method = String.valueOf(m).toUpperCase(Locale.ROOT);
      if (METHODS.contains(method)) {
        out.add(method);
      } else {
        problems.add(key + ": must hold HTTP methods " + METHODS + " but held '" + m + "'");
      }
    }
    return out;
  }

  private String required(String key, Object node) {
    Optional<String> value = string(node).filter(s -> !s.isBlank());
    if (value.isEmpty()) {
      problems.add(key + ": required");
    }
    return value.orElse(null);
  }

  private long number(String key, Object node, long fallback, long min, long max) {
    if (node == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(String.valueOf(node).trim());
      if (value >= min && value <= max) {
        return value;
      }
      problems.add(key + ": must be between " + min + " and " + max + " but was " + value);
    } catch (NumberFormatException e) {
      problems.add(key + ": must be a whole number but was '" + node + "'");
    }
    return fallback;
  }

  private Duration duration(String key, Object node, Duration fallback) {
    if (node == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(String.valueOf(node).trim());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      problems.add(key + ": must be a positive duration like 500ms, 5s, 1m but was '" + node + "'");
      return fallback;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private List<Map<String, Object>> list(String key, Object node) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof List<?> l)) {
      problems.add(key + ": must be a list");
      return out;
    }
    for (int i = 0; i < l.size(); i++) {
      out.add(map(key + "[" + i + "]", l.get(i)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(String key, Object node) {
    if (node == null) {
      return Map.of();
    }
    if (node instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    problems.add(key + ": must be a mapping");
    return Map.of();
  }

  private void unknown(String key, Map<String, Object> node, Set<String> allowed) {
    node.keySet().stream()
        .filter(k -> !allowed.contains(k))
        .sorted()
        .forEach(k -> problems.add(key + "." + k + ": unknown key"));
  }

  private static Optional<String> string(Object node) {
    return node == null ? Optional.empty() : Optional.of(String.valueOf(node));
  }

  private static boolean bool(Object node) {
    return node != null && Boolean.parseBoolean(String.valueOf(node));
  }
}
