package io.sluice.embedded;

import io.sluice.broker.BrokerSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the embedded broker, read from the URL ({@code embedded:<directory>}) and the adapter
 * settings map.
 *
 * @param directory the data directory; one process owns it at a time
 * @param stream the name receipts report as the stream
 * @param fsync when durable writes are synced
 * @param retention how long events are kept
 * @param dedupWindow how long an idempotency key is remembered
 */
public record EmbeddedSettings(
    Path directory, String stream, FsyncPolicy fsync, Retention retention, Duration dedupWindow) {

  /** The directory used by {@code embedded:} with no path. */
  public static final Path DEFAULT_DIRECTORY = Path.of("sluice-data");

  public static final String DEFAULT_STREAM = "sluice";
  public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofMinutes(2);

  public EmbeddedSettings {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(fsync, "fsync");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(dedupWindow, "dedupWindow");
    List<String> problems = new ArrayList<>();
    if (!stream.matches("[A-Za-z0-9_-]{1,64}")) {
      problems.add(
          "stream must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-' but was '" + stream + "'");
    }
    if (dedupWindow.isNegative() || dedupWindow.isZero()) {
      problems.add("dedupWindow must be > 0 but was " + dedupWindow);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** Defaults for a directory: batch fsync, unlimited retention, a two-minute dedup window. */
  public static EmbeddedSettings of(Path directory) {
    return new EmbeddedSettings(
        directory, DEFAULT_STREAM, FsyncPolicy.BATCH, Retention.unlimited(), DEFAULT_DEDUP_WINDOW);
  }

  /** Reads the URL and settings of a spec, reporting every bad key at once. */
  public static EmbeddedSettings from(BrokerSpec spec) {
    return SettingsReader.read(directoryOf(spec), spec.settings());
  }

  public EmbeddedSettings withFsync(FsyncPolicy fsync) {
    return new EmbeddedSettings(directory, stream, fsync, retention, dedupWindow);
  }

  public EmbeddedSettings withRetention(Retention retention) {
    return new EmbeddedSettings(directory, stream, fsync, retention, dedupWindow);
  }

  public EmbeddedSettings withDedupWindow(Duration dedupWindow) {
    return new EmbeddedSettings(directory, stream, fsync, retention, dedupWindow);
  }

  /** The settings as a map, the shape {@link #from(BrokerSpec)} reads. */
  public Map<String, Object> toMap() {
    return Map.of(
        "stream",
        stream,
        "fsync",
        fsync.name().toLowerCase(java.util.Locale.ROOT),
        "dedupWindow",
        dedupWindow.toString(),
        "retention",
        Map.of(
            "maxAge",
            retention.maxAge().toString(),
            "maxEvents",
            retention.maxEvents(),
            "maxBytes",
            retention.maxBytes()));
  }

  private static Path directoryOf(BrokerSpec spec) {
    String path = spec.url().getSchemeSpecificPart();
    if (path == null || path.isBlank() || path.equals("/")) {
      // "embedded:" alone arrives as "embedded:/" (see BrokerSpec); never the file system root
      return DEFAULT_DIRECTORY;
    }
    int query = path.indexOf('?');
    return Path.of(query >= 0 ? path.substring(0, query) : path);
  }
}
