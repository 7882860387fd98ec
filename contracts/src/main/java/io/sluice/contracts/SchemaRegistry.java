package io.sluice.contracts;

import io.sluice.contracts.internal.CompiledSchema;
import io.sluice.contracts.internal.SchemaFiles;
import io.sluice.contracts.internal.SchemaStore;
import io.sluice.contracts.internal.SettingsReader;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * JSON Schemas (draft 2020-12) per event type and version, from files and from runtime
 * registration, compiled once and used to validate events at publish time.
 *
 * <p>Open it with {@link #open(RegistrySettings)} or {@link #fromConfig(Map, List)}, validate with
 * {@link #validate(CloudEvent, Subject)}, add versions with {@link #register(String, int, String)}.
 * Instances are thread-safe; close them to release the database connections.
 */
public final class SchemaRegistry implements AutoCloseable {
  private final RegistrySettings settings;
  private final SchemaStore store;
  private final Clock clock;
  private final Map<String, NavigableMap<Integer, CompiledSchema>> schemas =
      new ConcurrentHashMap<>();
  private final EventValidator validator;

  private SchemaRegistry(RegistrySettings settings, SchemaStore store, Clock clock) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.validator = new EventValidator(settings, schemas);
  }

  /**
   * Opens a registry from the YAML {@code schemas:} section. Problems (bad keys, unreadable or
   * invalid schema files, incompatible file versions) are appended to {@code problems}, each naming
   * its key or file; the registry is returned without the offending parts.
   */
  public static SchemaRegistry fromConfig(Map<String, Object> section, List<String> problems) {
    return open(SettingsReader.read(section, problems), Clock.systemUTC(), problems);
  }

  /** Opens a registry; throws {@link InvalidSchemaException} if a schema file is invalid. */
  public static SchemaRegistry open(RegistrySettings settings) {
    List<String> problems = new ArrayList<>();
    SchemaRegistry registry = open(settings, Clock.systemUTC(), problems);
    if (!problems.isEmpty()) {
      registry.close();
      throw new InvalidSchemaException("schemas: " + String.join("; ", problems));
    }
    return registry;
  }

  static SchemaRegistry open(RegistrySettings settings, Clock clock, List<String> problems) {
    SchemaRegistry registry =
        new SchemaRegistry(settings, SchemaStore.open(settings.store()), clock);
    settings.dir().ifPresent(dir -> registry.loadFiles(SchemaFiles.read(dir, problems), problems));
    registry.store.loadAll().forEach(s -> registry.loadStored(s, problems));
    return registry;
  }

  private void loadFiles(List<RegisteredSchema> files, List<String> problems) {
    for (RegisteredSchema file : files) {
      String name = "schemas file " + file.type() + "/" + file.version() + ".json";
      try {
        CompiledSchema compiled = CompiledSchema.compile(file);
        CompatibilityReport report = checkAgainstPrevious(file.type(), file.version(), compiled);
        if (!report.isCompatible()) {
          problems.add(name + " is not compatible with the previous version: " + report.summary());
          continue;
        }
        versions(file.type()).put(file.version(), compiled);
      } catch (InvalidSchemaException e) {
        problems.add(name + ": " + e.getMessage());
      }
    }
  }

  private void loadStored(RegisteredSchema stored, List<String> problems) {
    CompiledSchema existing = versions(stored.type()).get(stored.version());
    if (existing != null && !sameSchema(existing, stored.schemaJson())) {
      problems.add(
          "schema store holds a different "
              + stored.type()
              + " version "
              + stored.version()
              + " than the schema files; the file wins");
      return;
    }
    versions(stored.type()).computeIfAbsent(stored.version(), v -> CompiledSchema.compile(stored));
  }

  /**
   * Registers a schema version. Refused when the version exists with a different schema (versions
   * are immutable) or when it breaks compatibility with the previous version under the configured
   * mode; the report names every breaking change. A malformed schema throws {@link
   * InvalidSchemaException}.
   */
  public synchronized Registration register(String type, int version, String schemaJson) {
    RegisteredSchema candidate = new RegisteredSchema(type, version, schemaJson);
    CompiledSchema compiled = CompiledSchema.compile(candidate);
    CompatibilityMode mode = settings.compatibility();
    CompiledSchema existing = versions(type).get(version);
    if (existing != null) {
      return sameSchema(existing, schemaJson)
          ? new Registration(
              type,
              version,
              Registration.Outcome.UNCHANGED,
              CompatibilityReport.firstVersion(mode),
              "")
          : refused(
              type,
              version,
              CompatibilityReport.firstVersion(mode),
              type
                  + " version "
                  + version
                  + " is already registered with a different schema;"
                  + " register a new version instead");
    }
    CompatibilityReport report = checkAgainstPrevious(type, version, compiled);
    if (!report.isCompatible()) {
      return refused(
          type,
          version,
          report,
          type
              + " version "
              + version
              + " is not "
              + mode.configName()
              + " compatible with the previous version");
    }
    if (!store.insert(candidate, clock.instant())) {
      refresh();
      return register(type, version, schemaJson);
    }
    versions(type).put(version, compiled);
    return new Registration(type, version, Registration.Outcome.REGISTERED, report, "");
  }

  private static Registration refused(
      String type, int version, CompatibilityReport report, String reason) {
    return new Registration(type, version, Registration.Outcome.REFUSED, report, reason);
  }

  private CompatibilityReport checkAgainstPrevious(
      String type, int version, CompiledSchema candidate) {
    Map.Entry<Integer, CompiledSchema> previous = versions(type).lowerEntry(version);
    if (previous == null) {
      return CompatibilityReport.firstVersion(settings.compatibility());
    }
    return Compatibility.check(
        previous.getValue().document(), candidate.document(), settings.compatibility());
  }

  private static boolean sameSchema(CompiledSchema existing, String schemaJson) {
    return existing.document().equals(io.sluice.contracts.internal.Json.parseSchema(schemaJson));
  }

  private NavigableMap<Integer, CompiledSchema> versions(String type) {
    return schemas.computeIfAbsent(type, t -> new ConcurrentSkipListMap<>());
  }

  /**
   * Loads versions other registry instances (other gateway replicas) stored since this one opened
   * or last refreshed. Returns the problems found, e.g. a stored schema that conflicts with a file.
   */
  public synchronized List<String> refresh() {
    List<String> problems = new ArrayList<>();
    store.loadAll().forEach(s -> loadStored(s, problems));
    return problems;
  }

  /**
   * Validates an event published on a subject: the type's subject bindings, the schema version it
   * names, and its data against that version's schema. Every violation is listed.
   */
  public ValidationResult validate(CloudEvent event, Subject subject) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(subject, "subject");
    return validator.validate(event, subject);
  }

  /** The schema registered for a type and version. */
  public Optional<RegisteredSchema> schema(String type, int version) {
    return Optional.ofNullable(
            schemas.getOrDefault(type, new ConcurrentSkipListMap<>()).get(version))
        .map(CompiledSchema::source);
  }

  /** The highest version registered for a type. */
  public Optional<RegisteredSchema> latest(String type) {
    NavigableMap<Integer, CompiledSchema> versions = schemas.get(type);
    return versions == null || versions.isEmpty()
        ? Optional.empty()
        : Optional.of(versions.lastEntry().getValue().source());
  }

  /** Every registered schema, ordered by type and version. */
  public List<RegisteredSchema> all() {
    return schemas.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .flatMap(e -> e.getValue().values().stream().map(CompiledSchema::source))
        .toList();
  }

  /** The settings this registry runs with. */
  public RegistrySettings settings() {
    return settings;
  }

  @Override
  public void close() {
    store.close();
  }
}
