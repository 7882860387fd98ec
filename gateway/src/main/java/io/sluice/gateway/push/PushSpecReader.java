package io.sluice.gateway.push;

import io.sluice.broker.support.SettingDurations;
import io.sluice.gateway.identity.Identity;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one push subscription from a mapping (a YAML list item or an API request body), naming each
 * problem by key ({@code push.subscriptions[0].endpoint}). Every problem is collected; a
 * subscription is returned only when there was none.
 */
final class PushSpecReader {
  static final Set<String> COMMON_KEYS =
      Set.of(
          "name",
          "pattern",
          "endpoint",
          "secret",
          "group",
          "maxAttempts",
          "backoff",
          "concurrency",
          "timeout",
          "deadLetter");
  private static final Set<String> BACKOFF_KEYS = Set.of("initial", "max", "multiplier", "jitter");

  private final List<String> problems;

  PushSpecReader(List<String> problems) {
    this.problems = problems;
  }

  /** Reads the common keys; {@code secret} and {@code owner} come from the caller. */
  Optional<PushSubscription> read(
      String prefix,
      Map<String, Object> node,
      Optional<Secret> secret,
      Identity owner,
      PushSubscription.Origin origin) {
    int before = problems.size();
    String name = text(prefix + "name", node.get("name"), null);
    SubjectPattern pattern = pattern(prefix + "pattern", node.get("pattern"));
    URI endpoint = endpoint(prefix + "endpoint", node.get("endpoint"));
    String group =
        text(
            prefix + "group",
            node.get("group"),
            name == null ? "" : PushSubscription.defaultGroup(name));
    int maxAttempts = whole(prefix + "maxAttempts", node.get("maxAttempts"), 8, 1, 1000);
    PushBackoff backoff = backoff(prefix + "backoff", node.get("backoff"));
    int concurrency = whole(prefix + "concurrency", node.get("concurrency"), 4, 1, 1024);
    Duration timeout = duration(prefix + "timeout", node.get("timeout"), Duration.ofSeconds(10));
    Subject deadLetter = deadLetter(prefix + "deadLetter", node.get("deadLetter"), name);
    if (problems.size() > before || secret.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new PushSubscription(
              name,
              pattern,
              endpoint,
              secret.get(),
              group,
              maxAttempts,
              backoff,
              concurrency,
              timeout,
              deadLetter,
              owner,
              origin));
    } catch (IllegalArgumentException e) {
      problems.add(prefix.isEmpty() ? e.getMessage() : prefix + " " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Reports keys of {@code node} outside {@code allowed}. */
  void unknownKeys(String prefix, Map<String, Object> node, Set<String> allowed) {
    new TreeSet<>(node.keySet())
        .stream()
            .filter(k -> !allowed.contains(k))
            .forEach(k -> problems.add(prefix + k + ": unknown key"));
  }

  String text(String key, Object value, String fallback) {
    if (value == null) {
      if (fallback == null) {
        problems.add(key + ": required");
      }
      return fallback;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      problems.add(key + ": must be a single value, not a list or mapping");
      return fallback;
    }
    return String.valueOf(value);
  }

  private SubjectPattern pattern(String key, Object value) {
    String text = text(key, value, null);
    if (text == null) {
      return null;
    }
    try {
      return SubjectPattern.of(text);
    } catch (InvalidSubjectException e) {
      problems.add(key + ": not a valid subject pattern (" + e.getMessage() + ")");
      return null;
    }
  }

  private Subject deadLetter(String key, Object value, String name) {
    String text = text(key, value, name == null ? "" : PushSubscription.defaultDeadLetter(name));
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Subject.of(text);
    } catch (InvalidSubjectException e) {
      problems.add(key + ": not a valid subject (" + e.getMessage() + ")");
      return null;
    }
  }

  private URI endpoint(String key, Object value) {
    String text = text(key, value, null);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if (!uri.isAbsolute() || uri.getHost() == null || !isHttp(uri.getScheme())) {
        problems.add(key + ": must be an absolute http or https URL but was '" + text + "'");
        return null;
      }
      if (uri.getUserInfo() != null) {
        problems.add(key + ": must not carry credentials in the URL");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      problems.add(key + ": not a valid URL (" + e.getReason() + ")");
      return null;
    }
  }

  private static boolean isHttp(String scheme) {
    return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
  }

  private int whole(String key, Object value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(String.valueOf(value).trim());
      if (n >= min && n <= max) {
        return n;
      }
      problems.add(key + ": must be between " + min + " and " + max + " but was " + n);
    } catch (NumberFormatException e) {
      problems.add(key + ": must be a whole number but was '" + value + "'");
    }
    return fallback;
  }

  private double decimal(String key, Object value, double fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      problems.add(key + ": must be a number but was '" + value + "'");
      return fallback;
    }
  }

  private Duration duration(String key, Object value, Duration fallback) {
    Optional<Duration> read = SettingDurations.read(key + ":", value, problems);
    if (read.isPresent() && (read.get().isNegative() || read.get().isZero())) {
      problems.add(key + ": must be > 0 but was " + value);
      return fallback;
    }
    return read.orElse(fallback);
  }

  private PushBackoff backoff(String key, Object value) {
    PushBackoff d = PushBackoff.defaults();
    if (value == null) {
      return d;
    }
    if (!(value instanceof Map<?, ?> raw)) {
      problems.add(key + ": must be a mapping with initial, max, multiplier and jitter");
      return d;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> node = (Map<String, Object>) raw;
    unknownKeys(key + ".", node, BACKOFF_KEYS);
    try {
      return new PushBackoff(
          duration(key + ".initial", node.get("initial"), d.initial()),
          duration(key + ".max", node.get("max"), d.max()),
          decimal(key + ".multiplier", node.get("multiplier"), d.multiplier()),
          decimal(key + ".jitter", node.get("jitter"), d.jitter()));
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage());
      return d;
    }
  }
}
