package io.sluice.contracts;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link SchemaRegistry} needs.
 *
 * @param dir the schema file directory ({@code <dir>/<type>/<version>.json}); empty for none
 * @param unknownTypes what to do with events whose type has no schema
 * @param compatibility the mode each new version is checked under
 * @param bindings types restricted to subject patterns
 * @param store where runtime registrations are kept
 */
public record RegistrySettings(
    Optional<Path> dir,
    UnknownTypes unknownTypes,
    CompatibilityMode compatibility,
    List<TypeBinding> bindings,
    StoreSettings store) {
  public RegistrySettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(unknownTypes, "unknownTypes");
    Objects.requireNonNull(compatibility, "compatibility");
    Objects.requireNonNull(store, "store");
    bindings = List.copyOf(bindings);
  }

  /** No files, unknown types rejected, backward compatibility, the given store. */
  public static RegistrySettings of(StoreSettings store) {
    return new RegistrySettings(
        Optional.empty(), UnknownTypes.REJECT, CompatibilityMode.BACKWARD, List.of(), store);
  }

  public RegistrySettings withDir(Path dir) {
    return new RegistrySettings(Optional.of(dir), unknownTypes, compatibility, bindings, store);
  }

  public RegistrySettings withUnknownTypes(UnknownTypes policy) {
    return new RegistrySettings(dir, policy, compatibility, bindings, store);
  }

  public RegistrySettings withCompatibility(CompatibilityMode mode) {
    return new RegistrySettings(dir, unknownTypes, mode, bindings, store);
  }

  public RegistrySettings withBindings(List<TypeBinding> list) {
    return new RegistrySettings(dir, unknownTypes, compatibility, list, store);
  }
}
