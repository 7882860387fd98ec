package io.sluice.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.contracts.internal.CompiledSchema;
import io.sluice.contracts.internal.EventVersions;
import io.sluice.contracts.internal.Json;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;

/** The publish-time check: binding, version, content type, then the compiled schema. */
final class EventValidator {
  private final RegistrySettings settings;
  private final Map<String, NavigableMap<Integer, CompiledSchema>> schemas;

  EventValidator(
      RegistrySettings settings, Map<String, NavigableMap<Integer, CompiledSchema>> schemas) {
    this.settings = settings;
    this.schemas = schemas;
  }

  ValidationResult validate(CloudEvent event, Subject subject) {
    List<ContractViolation> violations = new ArrayList<>();
    checkBindings(event.type(), subject, violations);
    NavigableMap<Integer, CompiledSchema> versions = schemas.get(event.type());
    if (versions == null || versions.isEmpty()) {
      if (settings.unknownTypes() == UnknownTypes.REJECT) {
        violations.add(
            envelope(
                "unknown-type", "no schema is registered for event type '" + event.type() + "'"));
      }
      return new ValidationResult(event.type(), 0, violations);
    }
    CompiledSchema schema = pickVersion(event, versions, violations);
    if (schema == null) {
      return new ValidationResult(event.type(), 0, violations);
    }
    checkData(event, schema, violations);
    return new ValidationResult(event.type(), schema.source().version(), violations);
  }

  private void checkBindings(String type, Subject subject, List<ContractViolation> violations) {
    List<TypeBinding> bindings =
        settings.bindings().stream().filter(b -> b.type().equals(type)).toList();
    if (!bindings.isEmpty() && bindings.stream().noneMatch(b -> b.allows(subject))) {
      List<String> patterns =
          bindings.stream().flatMap(b -> b.subjects().stream()).map(Object::toString).toList();
      violations.add(
          envelope(
              "binding",
              "event type '"
                  + type
                  + "' is bound to subjects "
                  + patterns
                  + " (schemas.bindings) and may not be published on '"
                  + subject.value()
                  + "'"));
    }
  }

  private static CompiledSchema pickVersion(
      CloudEvent event,
      NavigableMap<Integer, CompiledSchema> versions,
      List<ContractViolation> violations) {
    OptionalInt claimed;
    try {
      claimed = claimedVersion(event);
    } catch (IllegalArgumentException e) {
      violations.add(envelope("version", e.getMessage()));
      return null;
    }
    if (claimed.isEmpty()) {
      return versions.lastEntry().getValue();
    }
    CompiledSchema schema = versions.get(claimed.getAsInt());
    if (schema == null) {
      violations.add(
          envelope(
              "version",
              "event type '"
                  + event.type()
                  + "' has no version "
                  + claimed.getAsInt()
                  + "; registered versions are "
                  + versions.keySet()));
    }
    return schema;
  }

  private static OptionalInt claimedVersion(CloudEvent event) {
    OptionalInt fromExtension = EventVersions.fromExtension(event);
    OptionalInt fromSchema = EventVersions.fromDataSchema(event);
    if (fromExtension.isPresent()
        && fromSchema.isPresent()
        && fromExtension.getAsInt() != fromSchema.getAsInt()) {
      throw new IllegalArgumentException(
          "eventversion "
              + fromExtension.getAsInt()
              + " disagrees with dataschema version "
              + fromSchema.getAsInt());
    }
    return fromExtension.isPresent() ? fromExtension : fromSchema;
  }

  private static void checkData(
      CloudEvent event, CompiledSchema schema, List<ContractViolation> violations) {
    String contentType = event.dataContentType().orElse("application/json");
    if (!isJson(contentType)) {
      violations.add(
          envelope(
              "content-type",
              "event type '"
                  + event.type()
                  + "' has a JSON Schema but its data is '"
                  + contentType
                  + "', not JSON"));
      return;
    }
    if (event.data().isEmpty()) {
      violations.add(
          envelope(
              "data",
              "event type '" + event.type() + "' has a JSON Schema but the event has no data"));
      return;
    }
    JsonNode data;
    try {
      data = Json.MAPPER.readTree(event.data().get());
    } catch (IOException e) {
      violations.add(envelope("json", "data is not valid JSON: " + firstLine(e.getMessage())));
      return;
    }
    violations.addAll(schema.validate(data));
  }

  static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json") || type.equals("text/json");
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static ContractViolation envelope(String rule, String message) {
    return new ContractViolation("", rule, message);
  }
}
