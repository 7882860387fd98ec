package io.sluice.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code audit:} section into an {@link AuditConfig}, collecting every problem. */
final class AuditConfigReader {
  private static final String PREFIX = "audit.";
  private static final Set<String> KEYS =
      Set.of(
          "store",
          "onStoreFailure",
          "spoolDir",
          "queueCapacity",
          "batchSize",
          "retryInterval",
          "connectTimeout",
          "retention",
          "chain");
  private static final Set<String> STORE_KEYS = Set.of("url", "username", "password");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final Map<String, Object> section;
  private final List<String> problems;
  private final AuditConfig.Builder builder = AuditConfig.builder();
  private final int problemsBefore;

  AuditConfigReader(Map<String, Object> section, List<String> problems) {
    this.section = section == null ? Map.of() : section;
    this.problems = problems;
    this.problemsBefore = problems.size();
  }

  AuditConfig read() {
    unknownKeys(section, KEYS, PREFIX);
    readStore();
    readOnStoreFailure();
    text("spoolDir").ifPresent(s -> builder.spoolDir(Path.of(s)));
    integer("queueCapacity").ifPresent(builder::queueCapacity);
    integer("batchSize").ifPresent(builder::batchSize);
    duration("retryInterval").ifPresent(builder::retryInterval);
    duration("connectTimeout").ifPresent(builder::connectTimeout);
    duration("retention").ifPresent(builder::retention);
    text("chain").ifPresent(builder::chain);
    if (problems.size() > problemsBefore) {
      return null;
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      problems.add(PREFIX.substring(0, PREFIX.length() - 1) + ": " + e.getMessage());
      return null;
    }
  }

  private void readStore() {
    Object raw = section.get("store");
    if (raw == null) {
      return;
    }
    if (!(raw instanceof Map<?, ?> store)) {
      problems.add(PREFIX + "store: must be a map with url, username, password");
      return;
    }
    unknownKeys(store, STORE_KEYS, PREFIX + "store.");
    String url = stringIn(store, "url", PREFIX + "store.url");
    String user = stringIn(store, "username", PREFIX + "store.username");
    String password = stringIn(store, "password", PREFIX + "store.password");
    if (url == null) {
      problems.add(PREFIX + "store.url: is required when audit.store is given");
      return;
    }
    try {
      builder.store(StoreConfig.of(url, user, password));
    } catch (IllegalArgumentException e) {
      problems.add(PREFIX + "store.url: " + e.getMessage());
    }
  }

  private void readOnStoreFailure() {
    text("onStoreFailure")
        .ifPresent(
            v -> {
              switch (v.toLowerCase(Locale.ROOT)) {
                case "refuse" -> builder.onStoreFailure(OnStoreFailure.REFUSE);
                case "spool" -> builder.onStoreFailure(OnStoreFailure.SPOOL);
                default ->
                    problems.add(
                        PREFIX + "onStoreFailure: must be refuse or spool but was '" + v + "'");
              }
            });
  }

  private void unknownKeys(Map<?, ?> map, Set<String> known, String prefix) {
    map.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !known.contains(k))
        .sorted()
        .forEach(k -> problems.add(prefix + k + ": unknown key (known: " + sorted(known) + ")"));
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }

  private java.util.Optional<String> text(String key) {
    return java.util.Optional.ofNullable(stringIn(section, key, PREFIX + key));
  }

  private String stringIn(Map<?, ?> map, String key, String path) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String s && !s.isBlank()) {
      return s;
    }
    problems.add(path + ": must be a non-empty string but was '" + v + "'");
    return null;
  }

  private java.util.OptionalInt integer(String key) {
    Object v = section.get(key);
    if (v == null) {
      return java.util.OptionalInt.empty();
    }
    if (v instanceof Integer i && i > 0) {
      return java.util.OptionalInt.of(i);
    }
    problems.add(PREFIX + key + ": must be a positive integer but was '" + v + "'");
    return java.util.OptionalInt.empty();
  }

  private java.util.Optional<Duration> duration(String key) {
    Object v = section.get(key);
    if (v == null) {
      return java.util.Optional.empty();
    }
    Duration d = parseDuration(String.valueOf(v));
    if (d == null || d.isZero() || d.isNegative()) {
      problems.add(
          PREFIX
              + key
              + ": must be a positive duration like 90d, 12h, 30s, 500ms but was '"
              + v
              + "'");
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(d);
  }

  /** Parses {@code 90d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 500ms} or ISO-8601. */
  static Duration parseDuration(String text) {
    Matcher m = SHORT_DURATION.matcher(text.trim());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
