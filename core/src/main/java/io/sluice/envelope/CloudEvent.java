package io.sluice.envelope;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable CloudEvents 1.0 event: the envelope every Sluice component moves.
 *
 * <p>Instances are built with {@link #builder()} and are always valid: {@link Builder#build()}
 * checks every attribute against the specification and throws {@link InvalidEventException} that
 * lists every violation at once. Extension values are {@link String}, {@link Boolean} or {@link
 * Integer}, the CloudEvents types that survive every protocol binding.
 */
public final class CloudEvent {

  /** The only {@code specversion} this type represents. */
  public static final String SPEC_VERSION = "1.0";

  private final String id;
  private final String source;
  private final String type;
  private final String dataContentType;
  private final URI dataSchema;
  private final String subject;
  private final Instant time;
  private final byte[] data;
  private final Map<String, Object> extensions;

  private CloudEvent(Builder b) {
    this.id = b.id;
    this.source = b.source;
    this.type = b.type;
    this.dataContentType = b.dataContentType;
    this.dataSchema = b.dataSchema;
    this.subject = b.subject;
    this.time = b.time;
    this.data = b.data == null ? null : b.data.clone();
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding a copy of this event's attributes, for derived events. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.source = source;
    b.type = type;
    b.dataContentType = dataContentType;
    b.dataSchema = dataSchema;
    b.subject = subject;
    b.time = time;
    b.data = data;
    b.extensions.putAll(extensions);
    return b;
  }

  public String id() {
    return id;
  }

  /** The {@code source} attribute, a URI-reference kept as written. */
  public String source() {
    return source;
  }

  public String specVersion() {
    return SPEC_VERSION;
  }

  public String type() {
    return type;
  }

  public Optional<String> dataContentType() {
    return Optional.ofNullable(dataContentType);
  }

  public Optional<URI> dataSchema() {
    return Optional.ofNullable(dataSchema);
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public Optional<Instant> time() {
    return Optional.ofNullable(time);
  }

  /** The event payload, or empty when the event carries no data. Returns a copy. */
  public Optional<byte[]> data() {
    return Optional.ofNullable(data).map(byte[]::clone);
  }

  /** Payload size in bytes, 0 when there is no data. */
  public int dataLength() {
    return data == null ? 0 : data.length;
  }

  /** Extension attributes in insertion order; values are String, Boolean or Integer. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  public Optional<Object> extension(String name) {
    return Optional.ofNullable(extensions.get(name));
  }

  /** An extension's value in its canonical string form, as protocol headers carry it. */
  public Optional<String> extensionAsString(String name) {
    return extension(name).map(String::valueOf);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CloudEvent e
        && id.equals(e.id)
        && source.equals(e.source)
        && type.equals(e.type)
        && Objects.equals(dataContentType, e.dataContentType)
        && Objects.equals(dataSchema, e.dataSchema)
        && Objects.equals(subject, e.subject)
        && Objects.equals(time, e.time)
        && Arrays.equals(data, e.data)
        && extensions.equals(e.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, source, type, subject, time) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "CloudEvent{id="
        + id
        + ", source="
        + source
        + ", type="
        + type
        + ", subject="
        + subject
        + ", time="
        + time
        + ", dataBytes="
        + dataLength()
        + ", extensions="
        + extensions.keySet()
        + "}";
  }

  /** Mutable builder; {@link #build()} validates and throws {@link InvalidEventException}. */
  public static final class Builder {
    private String id;
    private String source;
    private String type;
    private String dataContentType;
    private URI dataSchema;
    private String subject;
    private Instant time;
    private byte[] data;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder dataContentType(String dataContentType) {
      this.dataContentType = dataContentType;
      return this;
    }

    public Builder dataSchema(URI dataSchema) {
      this.dataSchema = dataSchema;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    /** Sets the payload; the array is copied when the event is built. */
    public Builder data(byte[] data) {
      this.data = data;
      return this;
    }

    /** Sets the payload and its content type in one call. */
    public Builder data(String contentType, byte[] data) {
      this.dataContentType = contentType;
      this.data = data;
      return this;
    }

    /** Sets an extension (String, Boolean or Integer); a null value removes it. */
    public Builder extension(String name, Object value) {
      Objects.requireNonNull(name, "extension name");
      if (value == null) {
        extensions.remove(name);
      } else {
        extensions.put(name, value);
      }
      return this;
    }

    public Optional<String> id() {
      return Optional.ofNullable(id);
    }

    public Optional<Instant> time() {
      return Optional.ofNullable(time);
    }

    /** Validates every attribute and returns the event, or throws with all violations. */
    public CloudEvent build() {
      List<Violation> violations = violations();
      if (!violations.isEmpty()) {
        throw new InvalidEventException(violations);
      }
      return new CloudEvent(this);
    }

    /** Every rule the attributes set so far break; empty when {@link #build()} would succeed. */
    List<Violation> violations() {
      return EventValidation.violations(
          id, source, type, dataContentType, dataSchema, subject, time, extensions);
    }
  }
}
