package io.sluice.contracts.internal;

import io.sluice.envelope.CloudEvent;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schema version an event claims: the {@code eventversion} extension first, then the last
 * path segment of {@code dataschema} ({@code .../3}, {@code .../3.json}, {@code .../v3}).
 */
public final class EventVersions {
  public static final String EXTENSION = "eventversion";
  private static final Pattern NUMBER = Pattern.compile("v?([1-9][0-9]{0,8})");
  private static final Pattern SCHEMA_PATH =
      Pattern.compile("(?:^|/)v?([1-9][0-9]{0,8})(?:\\.json)?/?$");

  private EventVersions() {}

  /** The version from the extension; empty if absent; throws if present and malformed. */
  public static OptionalInt fromExtension(CloudEvent event) {
    Optional<Object> value = event.extension(EXTENSION);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    Matcher m = NUMBER.matcher(String.valueOf(value.get()).trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "eventversion must be a positive integer but was '" + value.get() + "'");
    }
    return OptionalInt.of(Integer.parseInt(m.group(1)));
  }

  /** The version from the dataschema URI's last path segment; empty if absent or not numeric. */
  public static OptionalInt fromDataSchema(CloudEvent event) {
    Optional<URI> uri = event.dataSchema();
    if (uri.isEmpty()) {
      return OptionalInt.empty();
    }
    String path = uri.get().getPath() != null ? uri.get().getPath() : uri.get().toString();
    Matcher m = SCHEMA_PATH.matcher(path);
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}
