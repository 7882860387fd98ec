package io.sluice.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The contract of one event type: the Java type of its payload, the CloudEvents {@code type} name
 * and the contract version.
 *
 * @param payloadType the record (or other Jackson-mappable class) the event's data decodes to
 * @param name the CloudEvents {@code type}
 * @param version the contract version, carried in the {@code eventversion} extension
 */
public record EventContract<T>(Class<T> payloadType, String name, int version) {

  public EventContract {
    Objects.requireNonNull(payloadType, "payloadType");
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add("name must be a non-empty event type but was '" + name + "'");
    }
    if (version < 1) {
      problems.add("version must be >= 1 but was " + version);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  public static <T> EventContract<T> of(Class<T> payloadType, String name, int version) {
    return new EventContract<>(payloadType, name, version);
  }

  /** Reads the contract from the {@link EventType} annotation on {@code payloadType}. */
  public static <T> EventContract<T> of(Class<T> payloadType) {
    EventType annotation = payloadType.getAnnotation(EventType.class);
    if (annotation == null) {
      throw new IllegalArgumentException(
          payloadType.getName()
              + " has no @EventType annotation; annotate it or use EventContract.of(type, name,"
              + " version)");
    }
    return new EventContract<>(payloadType, annotation.name(), annotation.version());
  }
}
