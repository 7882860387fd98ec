package io.sluice.contracts.internal;

import io.sluice.contracts.CompatibilityMode;
import io.sluice.contracts.RegistrySettings;
import io.sluice.contracts.StoreSettings;
import io.sluice.contracts.TypeBinding;
import io.sluice.contracts.UnknownTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the YAML {@code schemas:} section into settings, collecting every problem by key. */
public final class SettingsReader {
  private static final Set<String> KEYS =
      Set.of("dir", "unknownTypes", "compatibility", "bindings", "store");
  private static final Set<String> STORE_KEYS = Set.of("url", "user", "password");

  private final List<String> problems;

  private SettingsReader(List<String> problems) {
    this.problems = problems;
  }

  /** Reads the section; on any problem, appends it and falls back to the default for that key. */
  public static RegistrySettings read(Map<String, Object> section, List<String> problems) {
    return new SettingsReader(problems).read(section == null ? Map.of() : section);
  }

  private RegistrySettings read(Map<String, Object> section) {
    section.keySet().stream()
        .filter(k -> !KEYS.contains(k))
        .sorted()
        .forEach(k -> problems.add("schemas." + k + ": unknown key; expected one of " + KEYS));
    Optional<Path> dir = Optional.ofNullable(section.get("dir")).map(d -> Path.of(d.toString()));
    UnknownTypes unknown = parse("unknownTypes", section, UnknownTypes.REJECT, UnknownTypes::parse);
    CompatibilityMode mode =
        parse("compatibility", section, CompatibilityMode.BACKWARD, CompatibilityMode::parse);
    return new RegistrySettings(
        dir, unknown, mode, bindings(section.get("bindings")), store(section.get("store")));
  }

  private <T> T parse(
      String key,
      Map<String, Object> section,
      T fallback,
      java.util.function.Function<String, T> f) {
    Object value = section.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return f.apply(value.toString());
    } catch (IllegalArgumentException e) {
      problems.add("schemas." + e.getMessage());
      return fallback;
    }
  }

  private List<TypeBinding> bindings(Object value) {
    List<TypeBinding> bindings = new ArrayList<>();
    if (value == null) {
      return bindings;
    }
    if (!(value instanceof List<?> list)) {
      problems.add("schemas.bindings: must be a list of {type, subjects} but was " + kind(value));
      return bindings;
    }
    for (int i = 0; i < list.size(); i++) {
      binding("schemas.bindings[" + i + "]", list.get(i)).ifPresent(bindings::add);
    }
    return bindings;
  }

  private Optional<TypeBinding> binding(String key, Object value) {
    if (!(value instanceof Map<?, ?> map)
        || map.get("type") == null
        || !(map.get("subjects") instanceof List<?> subjects)) {
      problems.add(key + ": must have 'type' and a list 'subjects'");
      return Optional.empty();
    }
    try {
      return Optional.of(
          TypeBinding.of(
              map.get("type").toString(),
              subjects.stream().map(String::valueOf).toArray(String[]::new)));
    } catch (RuntimeException e) {
      problems.add(key + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private StoreSettings store(Object value) {
    StoreSettings fallback = new StoreSettings(StoreSettings.DEFAULT_URL, "", "");
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Map<?, ?> map) || map.get("url") == null) {
      problems.add("schemas.store: must be a map with 'url' (and optional 'user', 'password')");
      return fallback;
    }
    map.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !STORE_KEYS.contains(k))
        .forEach(k -> problems.add("schemas.store." + k + ": unknown key; expected " + STORE_KEYS));
    try {
      return new StoreSettings(
          map.get("url").toString(), text(map.get("user")), text(map.get("password")));
    } catch (IllegalArgumentException e) {
      problems.add("schemas.store." + e.getMessage());
      return fallback;
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String kind(Object value) {
    return value.getClass().getSimpleName();
  }
}
