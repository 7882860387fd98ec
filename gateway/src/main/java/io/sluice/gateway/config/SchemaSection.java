package io.sluice.gateway.config;

import io.sluice.contracts.RegistrySettings;
import io.sluice.contracts.internal.SettingsReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code schemas} section: checked with the rest of the configuration (every bad or unknown key
 * reported by its dotted name), without opening the schema store. Absent means no registry.
 */
final class SchemaSection {
  private SchemaSection() {}

  static Optional<RegistrySettings> read(Map<String, Object> tree, List<String> problems) {
    if (!tree.containsKey("schemas")) {
      return Optional.empty();
    }
    Object value = tree.get("schemas");
    if (value == null) {
      return Optional.of(SettingsReader.read(Map.of(), problems));
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add("schemas: must be a mapping of keys to values");
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> section = (Map<String, Object>) map;
    return Optional.of(SettingsReader.read(section, problems));
  }
}
