package io.sluice.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code SLUICE_*} environment variables onto the parsed YAML tree. The variable for a key
 * is its dotted name upper-cased with dots and camel-case humps turned into underscores: {@code
 * server.port} is {@code SLUICE_SERVER_PORT}, {@code limits.rateLimit.perSecond} is {@code
 * SLUICE_LIMITS_RATE_LIMIT_PER_SECOND}. A {@code SLUICE_} variable that names no key is a problem.
 */
final class EnvOverrides {
  /** Variables the launcher script reads, not configuration keys. */
  private static final Set<String> LAUNCHER_VARIABLES =
      Set.of("SLUICE_HOME", "SLUICE_OPTS", "SLUICE_JAVA_OPTS", "SLUICE_CDS", "SLUICE_BUILD");

  private EnvOverrides() {}

  static String variableFor(String dottedKey) {
    return "SLUICE_"
        + dottedKey
            .replace('.', '_')
            .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .toUpperCase(Locale.ROOT);
  }

  static void apply(
      Map<String, Object> tree, Map<String, String> env, List<String> keys, List<String> problems) {
    Map<String, String> byVariable = new LinkedHashMap<>();
    keys.forEach(k -> byVariable.put(variableFor(k), k));
    for (Map.Entry<String, String> var : env.entrySet()) {
      String name = var.getKey();
      if (!name.startsWith("SLUICE_") || LAUNCHER_VARIABLES.contains(name)) {
        continue;
      }
      String key = byVariable.get(name);
      if (key == null) {
        problems.add(name + ": environment variable names no configuration key");
      } else {
        put(tree, key, var.getValue());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String key, String value) {
    List<String> parts = new ArrayList<>(List.of(key.split("\\.")));
    String leaf = parts.remove(parts.size() - 1);
    Map<String, Object> node = tree;
    for (String part : parts) {
      Object child = node.get(part);
      if (!(child instanceof Map<?, ?>)) {
        child = new LinkedHashMap<String, Object>();
        node.put(part, child);
      }
      node = (Map<String, Object>) child;
    }
    node.put(leaf, value);
  }
}
