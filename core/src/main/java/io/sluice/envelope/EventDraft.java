package io.sluice.envelope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An event being decoded from a wire format: attribute values as text, and every problem found so
 * far. A rule broken while reading an attribute is reported once, not again by the builder.
 */
final class EventDraft {
  private final CloudEvent.Builder builder = CloudEvent.builder();
  private final List<Violation> violations = new ArrayList<>();
  private final Set<String> reported = new HashSet<>();
  private boolean specVersionSeen;
  private String dataContentType;

  void violation(String attribute, String rule, String message) {
    violations.add(new Violation(attribute, rule, message));
    reported.add(attribute);
  }

  /** Sets a context attribute or a string extension from its text form. */
  void attribute(String name, String value) {
    switch (name) {
      case Attributes.SPECVERSION -> specVersion(value);
      case Attributes.ID -> builder.id(value);
      case Attributes.SOURCE -> builder.source(value);
      case Attributes.TYPE -> builder.type(value);
      case Attributes.SUBJECT -> builder.subject(value);
      case Attributes.DATACONTENTTYPE -> dataContentType(value);
      case Attributes.DATASCHEMA -> dataSchema(value);
      case Attributes.TIME -> time(value);
      default -> builder.extension(name, value);
    }
  }

  void extension(String name, Object value) {
    builder.extension(name, value);
  }

  void data(byte[] data) {
    builder.data(data);
  }

  String dataContentType() {
    return dataContentType;
  }

  /** Every violation: those found while reading, then the attribute rules not yet reported. */
  List<Violation> violations() {
    List<Violation> all = new ArrayList<>(violations);
    if (!specVersionSeen && !reported.contains(Attributes.SPECVERSION)) {
      all.add(new Violation(Attributes.SPECVERSION, "required", "is required and must be \"1.0\""));
    }
    builder.violations().stream().filter(v -> !reported.contains(v.attribute())).forEach(all::add);
    return all;
  }

  /** The event; call only when {@link #violations()} is empty. */
  CloudEvent build() {
    return builder.build();
  }

  private void specVersion(String value) {
    specVersionSeen = true;
    if (!CloudEvent.SPEC_VERSION.equals(value)) {
      violation(
          Attributes.SPECVERSION,
          "specversion",
          "must be \"1.0\" but was " + Attributes.quote(value));
    }
  }

  private void dataContentType(String value) {
    dataContentType = value;
    builder.dataContentType(value);
  }

  private void dataSchema(String value) {
    Uris.parse(value)
        .ifPresentOrElse(
            builder::dataSchema,
            () ->
                violation(
                    Attributes.DATASCHEMA,
                    "absolute-uri",
                    "must be an absolute URI but was " + Attributes.quote(value)));
  }

  private void time(String value) {
    Rfc3339.parse(value)
        .ifPresentOrElse(
            builder::time,
            () ->
                violation(
                    Attributes.TIME,
                    "rfc3339",
                    "must be an RFC 3339 timestamp like 2024-05-01T12:00:00Z but was "
                        + Attributes.quote(value)));
  }
}
