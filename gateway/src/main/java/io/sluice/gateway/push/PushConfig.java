package io.sluice.gateway.push;

import io.sluice.gateway.identity.Identity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code push} section: subscriptions defined in the configuration, and the file where
 * subscriptions created over the admin API are kept (none: they live in memory only, and the API
 * says so).
 */
public record PushConfig(List<PushSubscription> subscriptions, Optional<Path> store) {
  private static final Set<String> SECTION_KEYS = Set.of("store", "subscriptions");
  private static final Set<String> OWNER_KEYS = Set.of("type", "id", "issuer", "groups", "claims");

  public PushConfig {
    subscriptions = List.copyOf(subscriptions);
    Objects.requireNonNull(store, "store");
  }

  /** No configured subscriptions; API-created ones in memory. */
  public static PushConfig none() {
    return new PushConfig(List.of(), Optional.empty());
  }

  /**
   * Reads the section; secrets are resolved from {@code env} or files now, so a start fails early.
   */
  public static PushConfig read(
      Map<String, Object> section, Map<String, String> env, List<String> problems) {
    if (section.isEmpty()) {
      return none();
    }
    PushSpecReader reader = new PushSpecReader(problems);
    reader.unknownKeys("push.", section, SECTION_KEYS);
    Optional<Path> store =
        Optional.ofNullable(section.get("store"))
            .map(s -> Path.of(reader.text("push.store", s, "")));
    List<PushSubscription> subscriptions = new ArrayList<>();
    List<Map<String, Object>> nodes = list(section.get("subscriptions"), problems);
    for (int i = 0; i < nodes.size(); i++) {
      subscription(reader, "push.subscriptions[" + i + "].", nodes.get(i), env, problems)
          .ifPresent(subscriptions::add);
    }
    uniqueNames(subscriptions, problems);
    return new PushConfig(subscriptions, store);
  }

  private static Optional<PushSubscription> subscription(
      PushSpecReader reader,
      String prefix,
      Map<String, Object> node,
      Map<String, String> env,
      List<String> problems) {
    Set<String> keys = new HashSet<>(PushSpecReader.COMMON_KEYS);
    keys.add("owner");
    reader.unknownKeys(prefix, node, keys);
    Optional<Secret> secret =
        SecretReference.resolve(prefix + "secret", node.get("secret"), env, problems);
    Identity owner = owner(reader, prefix + "owner", node.get("owner"), problems);
    return reader.read(prefix, node, secret, owner, PushSubscription.Origin.CONFIG);
  }

  /** The identity the policy sees for a configured subscription: an API key id by default. */
  private static Identity owner(
      PushSpecReader reader, String key, Object value, List<String> problems) {
    if (!(value instanceof Map<?, ?> raw)) {
      problems.add(
          key + ": required, a mapping with id (and optionally type, issuer, groups, claims)");
      return new Identity("apikey", "", "sluice", Map.of(), Set.of(), Long.MAX_VALUE);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> node = (Map<String, Object>) raw;
    reader.unknownKeys(key + ".", node, OWNER_KEYS);
    @SuppressWarnings("unchecked")
    Map<String, Object> claims =
        node.get("claims") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
    Set<String> groups = new HashSet<>();
    if (node.get("groups") instanceof List<?> list) {
      list.forEach(g -> groups.add(String.valueOf(g)));
    }
    String id = reader.text(key + ".id", node.get("id"), null);
    return new Identity(
        reader.text(key + ".type", node.get("type"), "apikey"),
        id == null ? "" : id,
        reader.text(key + ".issuer", node.get("issuer"), "sluice"),
        claims,
        groups,
        Long.MAX_VALUE);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value, List<String> problems) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items) || !items.stream().allMatch(Map.class::isInstance)) {
      problems.add("push.subscriptions: must be a list of mappings");
      return List.of();
    }
    return (List<Map<String, Object>>) value;
  }

  private static void uniqueNames(List<PushSubscription> all, List<String> problems) {
    Set<String> seen = new HashSet<>();
    all.stream()
        .map(PushSubscription::name)
        .filter(n -> !seen.add(n))
        .forEach(n -> problems.add("push.subscriptions: the name '" + n + "' is used twice"));
  }
}
